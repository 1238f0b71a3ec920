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
    /// <summary>Environment variables that override the defaults, as the README documents them.</summary>
    public static class Variables
    {
        public const string Iterations = "VERIFICATION_ITERATIONS";
        public const string Seed = "VERIFICATION_SEED";
        public const string Seeds = "VERIFICATION_SEEDS";
        public const string Shard = "VERIFICATION_SHARD";
        public const string Strategy = "VERIFICATION_STRATEGY";
        public const string MaxSteps = "VERIFICATION_MAX_STEPS";
        public const string TimeLimit = "VERIFICATION_TIME_LIMIT";
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
    /// <exception cref="FormatException">A variable is set to something that is not a valid value; the message names it.</exception>
    public static Budget FromEnvironment(Budget defaults, Func<string, string?>? read = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        read ??= Environment.GetEnvironmentVariable;
        var settings = defaults.Settings;
        if (read(Variables.Iterations) is { } iterations)
        {
            settings = settings with { Iterations = Positive(Variables.Iterations, iterations) };
        }

        if (read(Variables.Seed) is { } seed)
        {
            settings = settings with { Seed = uint.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(Variables.Seed, seed, "a whole number") };
        }

        if (read(Variables.Strategy) is { } strategy)
        {
            settings = settings with { Strategy = RunSettings.ParseStrategy(strategy) ?? throw Bad(Variables.Strategy, strategy, "portfolio, random, pct, probabilistic or qlearning") };
        }

        if (read(Variables.MaxSteps) is { } steps)
        {
            settings = settings with { MaxSteps = Positive(Variables.MaxSteps, steps) };
        }

        if (read(Variables.TimeLimit) is { } limit)
        {
            settings = settings with { TimeLimitSeconds = Positive(Variables.TimeLimit, limit) };
        }

        var seedCount = read(Variables.Seeds) is { } count ? Positive(Variables.Seeds, count) : defaults.SeedCount;
        var (index, shards) = read(Variables.Shard) is { } shard ? ParseShard(shard) : (defaults.ShardIndex, defaults.ShardCount);
        return new Budget(settings, seedCount, index, shards);
    }

    /// <summary>Reads a shard as <c>index/count</c>, e.g. <c>0/4</c>.</summary>
    /// <exception cref="FormatException">Not of that form, or the index is not below the count.</exception>
    public static (int Index, int Count) ParseShard(string text) =>
        text.Split('/') is [var i, var n]
        && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        && count > 0 && index < count
            ? (index, count)
            : throw Bad(Variables.Shard, text, "index/count with index below count, e.g. 0/4");

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Bad(name, text, "a positive whole number");

    private static FormatException Bad(string name, string text, string expected) => new($"{name}='{text}' is not {expected}.");
}
