using System.Globalization;

namespace Verification.Core;

/// <summary>
/// How much exploring to do: run settings plus a range of seeds, optionally split into shards so that several CI jobs
/// share one deep run. Each seed is one reproducible Coyote run; shard i of n takes seeds i, i+n, i+2n, ... of the range.
/// </summary>
/// <param name="Settings">Iterations, first seed, strategy, step bound, time limit.</param>
/// <param name="SeedCount">How many consecutive seeds, starting at <see cref="RunSettings.Seed"/>, make up the whole run.</param>
/// <param name="ShardIndex">Which shard this process runs (0-based).</param>
/// <param name="ShardCount">How many shards the seed range is split into.</param>
public sealed record Budget(RunSettings Settings, int SeedCount = 1, int ShardIndex = 0, int ShardCount = 1)
{
    /// <summary>The environment variables that override the defaults, as the README documents them; the names are the <see cref="OptionTable"/>'s.</summary>
    public static class Variables
    {
        public static string Iterations => OptionTable.Iterations.Variable!;

        public static string Seed => OptionTable.Seed.Variable!;

        public static string Seeds => OptionTable.Seeds.Variable!;

        public static string Shard => OptionTable.Shard.Variable!;

        public static string Strategy => OptionTable.Strategy.Variable!;

        public static string MaxSteps => OptionTable.MaxSteps.Variable!;

        public static string TimeLimit => OptionTable.TimeLimit.Variable!;
    }

    /// <summary>The seeds this shard runs, in order.</summary>
    public IEnumerable<uint> Seeds =>
        Enumerable.Range(0, SeedCount).Where(i => i % ShardCount == ShardIndex).Select(i => Settings.Seed + (uint)i);

    public override string ToString()
    {
        var seeds = SeedCount == 1 ? $"seed {Settings.Seed}" : $"seeds {Settings.Seed}..{Settings.Seed + (uint)SeedCount - 1}";
        var shard = ShardCount == 1 ? string.Empty : $", shard {ShardIndex}/{ShardCount}";
        var limit = Settings.TimeLimitSeconds is int seconds ? $", at most {seconds} s per run" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Settings.Iterations} iterations per run, {seeds}{shard}, strategy {Settings.Strategy.ToString().ToLowerInvariant()}{limit}");
    }

    /// <summary>Reads the budget from the environment, falling back to <paramref name="defaults"/> for what is not set.</summary>
    /// <param name="defaults">The budget where no variable says otherwise.</param>
    /// <param name="read">Reads a variable, null if unset; the process's environment unless given.</param>
    /// <exception cref="FormatException">A variable is set to something that is not a valid value; the message names it.</exception>
    public static Budget FromEnvironment(Budget defaults, Func<string, string?>? read = null) =>
        Read(read is null ? EnvironmentSource.Process : new EnvironmentSource(read), defaults);

    /// <summary>
    /// Reads the budget's settings from <paramref name="source"/>, falling back to <paramref name="defaults"/> for what it
    /// does not give: the one mapping of settings to a budget, shared by the environment and the command line.
    /// </summary>
    /// <exception cref="FormatException">The source gives a value that is not valid; the message names where.</exception>
    public static Budget Read(ISettingSource source, Budget defaults)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(defaults);
        var fallback = defaults.Settings;
        var settings = fallback with
        {
            Iterations = source.Get(OptionTable.Iterations, fallback.Iterations),
            Seed = source.Get(OptionTable.Seed, fallback.Seed),
            Strategy = source.Get(OptionTable.Strategy, fallback.Strategy),
            MaxSteps = source.Get(OptionTable.MaxSteps, fallback.MaxSteps),
            TimeLimitSeconds = source.Get(OptionTable.TimeLimit, fallback.TimeLimitSeconds),
            ResultsDirectory = source.Get(OptionTable.Out, fallback.ResultsDirectory),
        };
        var seedCount = source.Get(OptionTable.Seeds, defaults.SeedCount);
        var (index, count) = source.Get(OptionTable.Shard, (defaults.ShardIndex, defaults.ShardCount));
        return new Budget(settings, seedCount, index, count);
    }
}
