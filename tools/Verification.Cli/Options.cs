using System.Globalization;
using Verification.Core;

namespace Verification.Cli;

/// <summary>The options of <c>verify</c>, checked before anything runs.</summary>
internal sealed record Options(IReadOnlyList<string> Implementations, RunSettings Settings)
{
    public static Options Parse(IReadOnlyList<string> args)
    {
        var implementations = new List<string>();
        var settings = new RunSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value");
            settings = name switch
            {
                "--impl" => Add(implementations, Value(), settings),
                "--iterations" => settings with { Iterations = PositiveInt(name, Value()) },
                "--seed" => settings with { Seed = uint.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw new UsageException($"{name} takes a whole number") },
                "--strategy" => settings with { Strategy = Enum.TryParse<Strategy>(Value(), ignoreCase: true, out var strategy) && Enum.IsDefined(strategy) ? strategy : throw new UsageException($"unknown strategy '{args[i]}'") },
                "--out" => settings with { ResultsDirectory = Value() },
                _ => throw new UsageException($"unknown option '{name}'"),
            };
        }

        return new Options(implementations, settings);
    }

    private static RunSettings Add(List<string> implementations, string value, RunSettings settings)
    {
        implementations.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return settings;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{name} takes a positive whole number, not '{value}'");
}

/// <summary>The command line was wrong; the message says how.</summary>
internal sealed class UsageException(string message) : Exception(message);
