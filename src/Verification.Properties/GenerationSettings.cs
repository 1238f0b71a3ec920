using System.Globalization;
using Verification.Core;

namespace Verification.Properties;

/// <summary>How many scenarios to generate, how hard Coyote looks at each, and which FsCheck seed to start from.</summary>
/// <param name="Case">The Coyote budget for each generated scenario (and each shrink candidate): small, with a fixed seed, so
/// a verdict on a scenario is the same every time it is asked for and shrinking is stable.</param>
/// <param name="Tests">How many scenarios FsCheck generates when none fails (its MaxTest).</param>
/// <param name="Replay">The FsCheck seed to start from; null picks a fresh one, which the result reports.</param>
public sealed record GenerationSettings(RunSettings Case, int Tests = 100, ReplaySeed? Replay = null)
{
    /// <summary>Environment variables that override the defaults, as the README documents them.</summary>
    public static class Variables
    {
        public const string Tests = "VERIFICATION_GENERATED_TESTS";
        public const string Iterations = "VERIFICATION_GENERATED_ITERATIONS";
        /// <summary>An FsCheck seed <c>seed,gamma</c> to start from, or <c>random</c> for a fresh one each run.</summary>
        public const string Replay = "VERIFICATION_GENERATED_REPLAY";
    }

    /// <summary>Reads the settings from the environment, falling back to <paramref name="defaults"/> for what is not set.</summary>
    /// <exception cref="FormatException">A variable is set to something that is not a valid value; the message names it.</exception>
    public static GenerationSettings FromEnvironment(GenerationSettings defaults, Func<string, string?>? read = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        read ??= Environment.GetEnvironmentVariable;
        var settings = defaults;
        if (read(Variables.Tests) is { } tests)
        {
            settings = settings with { Tests = Positive(Variables.Tests, tests) };
        }

        if (read(Variables.Iterations) is { } iterations)
        {
            settings = settings with { Case = settings.Case with { Iterations = Positive(Variables.Iterations, iterations) } };
        }

        var replay = read(Variables.Replay);
        if (replay == "random")
        {
            settings = settings with { Replay = null };
        }
        else if (replay is not null)
        {
            try
            {
                settings = settings with { Replay = ReplaySeed.Parse(replay) };
            }
            catch (FormatException bad)
            {
                throw new FormatException($"{Variables.Replay}: {bad.Message}", bad);
            }
        }

        return settings;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tests} generated scenarios, each {Case}");

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"{name}='{text}' is not a positive whole number.");
}
