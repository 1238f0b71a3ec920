using System.Globalization;
using Verification.Core;

namespace Verification.Cli;

/// <summary>The options of <c>verify</c>, checked before anything runs.</summary>
internal sealed record Options(IReadOnlyList<string> Implementations, Budget Budget)
{
    public static Options Parse(IReadOnlyList<string> args)
    {
        var implementations = new List<string>();
        var budget = new Budget(new RunSettings());
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value");
            var settings = budget.Settings;
            budget = name switch
            {
                "--impl" => Add(implementations, Value(), budget),
                "--iterations" => budget with { Settings = settings with { Iterations = Positive(name, Value()) } },
                "--seed" => budget with { Settings = settings with { Seed = uint.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw new UsageException($"{name} takes a whole number, not '{args[i]}'") } },
                "--seeds" => budget with { SeedCount = Positive(name, Value()) },
                "--shard" => Shard(budget, Value()),
                "--strategy" => budget with { Settings = settings with { Strategy = RunSettings.ParseStrategy(Value()) ?? throw new UsageException($"unknown strategy '{args[i]}' (portfolio, random, pct, probabilistic, qlearning)") } },
                "--max-steps" => budget with { Settings = settings with { MaxSteps = Positive(name, Value()) } },
                "--time-limit" => budget with { Settings = settings with { TimeLimitSeconds = Positive(name, Value()) } },
                "--out" => budget with { Settings = settings with { ResultsDirectory = Value() } },
                _ => throw new UsageException($"unknown option '{name}'"),
            };
        }

        return new Options(implementations, budget);
    }

    private static Budget Add(List<string> implementations, string value, Budget budget)
    {
        implementations.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return budget;
    }

    private static Budget Shard(Budget budget, string value)
    {
        try
        {
            var (index, count) = Budget.ParseShard(value);
            return budget with { ShardIndex = index, ShardCount = count };
        }
        catch (FormatException bad)
        {
            throw new UsageException($"--shard takes index/count with index below count, e.g. 0/4, not '{value}'", bad);
        }
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{name} takes a positive whole number, not '{value}'");
}

/// <summary>The command line was wrong; the message says how.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
