using System.Globalization;
using Verification.Core;

namespace Verification.Generation;

/// <summary>How many scenarios to generate, how hard Coyote looks at each, and which FsCheck seed to start from.</summary>
/// <param name="Case">The Coyote budget for each generated scenario (and each shrink candidate): small, with a fixed seed, so
/// a verdict on a scenario is the same every time it is asked for and shrinking is stable.</param>
/// <param name="Tests">How many scenarios FsCheck generates when none fails (its MaxTest).</param>
/// <param name="Replay">The FsCheck seed to start from; null picks a fresh one, which the result reports.</param>
public sealed record GenerationSettings(RunSettings Case, int Tests = 100, ReplaySeed? Replay = null)
{
    /// <summary>The environment variables that override the defaults, as the README documents them; the names are the <see cref="OptionTable"/>'s.</summary>
    public static class Variables
    {
        public static string Tests => OptionTable.GeneratedTests.Variable!;

        public static string Iterations => OptionTable.GeneratedIterations.Variable!;

        /// <summary>An FsCheck seed <c>seed,gamma</c> to start from, or <c>random</c> for a fresh one each run.</summary>
        public static string Replay => OptionTable.GeneratedReplay.Variable!;
    }

    /// <summary>Reads the settings from the environment, falling back to <paramref name="defaults"/> for what is not set.</summary>
    /// <param name="defaults">The settings where no variable says otherwise.</param>
    /// <param name="read">Reads a variable, null if unset; the process's environment unless given.</param>
    /// <exception cref="FormatException">A variable is set to something that is not a valid value; the message names it.</exception>
    public static GenerationSettings FromEnvironment(GenerationSettings defaults, Func<string, string?>? read = null) =>
        Read(read is null ? EnvironmentSource.Process : new EnvironmentSource(read), defaults);

    /// <summary>Reads the settings from <paramref name="source"/>, falling back to <paramref name="defaults"/> for what it does not give.</summary>
    /// <exception cref="FormatException">The source gives a value that is not valid; the message names where.</exception>
    public static GenerationSettings Read(ISettingSource source, GenerationSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(defaults);

        // Null stands for a fresh seed each run, whether the defaults or the source ask for it.
        var replay = source.Get(OptionTable.GeneratedReplay, defaults.Replay is { } seed ? (seed.Seed, seed.Gamma) : null);
        return defaults with
        {
            Tests = source.Get(OptionTable.GeneratedTests, defaults.Tests),
            Case = defaults.Case with { Iterations = source.Get(OptionTable.GeneratedIterations, defaults.Case.Iterations) },
            Replay = replay is { } pair ? new ReplaySeed(pair.Seed, pair.Gamma) : null,
        };
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tests} generated scenarios, each {Case}");
}
