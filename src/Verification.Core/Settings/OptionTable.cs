using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// Every setting of the harness, each defined once: its option on the command line, the <c>VERIFICATION_*</c> variable
/// that sets it for the tests, its type and validation (its parser, one of <see cref="ValueParsers"/>), its default and
/// its help. The CLI's and the benchmarks' command lines and help, <see cref="Budget.FromEnvironment"/> and the generated
/// scenarios' settings are all built from these entries, so an option and its variable cannot drift apart.
/// </summary>
public static class OptionTable
{
    // The budget's defaults are the records' own, so that a run given nothing and a Budget built in code agree.
    private static readonly Budget Defaults = new(new RunSettings());

    public static Setting<ImmutableArray<string>> Implementations { get; } = new("--impl", null, ValueParsers.NameList)
    {
        ValueName = "NAME[,NAME...]",
        Description = "implementations to verify, by name (list shows them)",
        Default = [],
        DefaultText = "all registered",
        Combine = lists => [.. lists.SelectMany(list => list).Distinct(StringComparer.OrdinalIgnoreCase)],
    };

    public static Setting<ImmutableArray<Property>> Properties { get; } = new("--property", null, ValueParsers.PropertyList)
    {
        ValueName = "ID[,ID...]",
        Description = "properties to judge and report (ONCE, SAME, ...; any case); scenarios that exercise none of them are skipped",
        Default = [.. PropertyIds.All],
        DefaultText = "all",

        // Reported in contract order, whatever the order given.
        Combine = lists => [.. lists.SelectMany(list => list).Distinct().Order()],
    };

    public static Setting<ImmutableArray<string>> Engines { get; } = new("--engine", null, ValueParsers.NameList)
    {
        // The engines are the CLI's: it checks the names, and its help lists them.
        ValueName = "ENGINE[,ENGINE...]",
        Description = "engines to run, comma-separated, or all of them",
        Default = ["coyote"],
        DefaultText = "coyote",
    };

    public static Setting<int> Iterations { get; } = new("--iterations", "VERIFICATION_ITERATIONS", ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "schedules explored per scenario and seed",
        Default = Defaults.Settings.Iterations,
    };

    public static Setting<uint> Seed { get; } = new("--seed", "VERIFICATION_SEED", ValueParsers.WholeNumber)
    {
        ValueName = "N",
        Description = "first seed; the same seed gives the same schedules",
        Default = Defaults.Settings.Seed,
    };

    public static Setting<int> Seeds { get; } = new("--seeds", "VERIFICATION_SEEDS", ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "how many consecutive seeds make up the run; each seed is one reproducible Coyote run",
        Default = Defaults.SeedCount,
    };

    public static Setting<(int Index, int Count)> Shard { get; } = new("--shard", "VERIFICATION_SHARD", ValueParsers.Shard)
    {
        ValueName = "I/N",
        Description = "which shard index/count of the seeds this process runs: seeds index, index+count, ...",
        Default = (Defaults.ShardIndex, Defaults.ShardCount),
        DefaultText = $"{Defaults.ShardIndex}/{Defaults.ShardCount}",
    };

    public static Setting<Strategy> Strategy { get; } = new("--strategy", "VERIFICATION_STRATEGY", ValueParsers.StrategyName)
    {
        ValueName = string.Join("|", ValueParsers.StrategyNames),
        Description = "Coyote's exploration strategy (portfolio is its fair portfolio)",
        Default = Defaults.Settings.Strategy,
        DefaultText = ValueParsers.NameOf(Defaults.Settings.Strategy),
    };

    public static Setting<int> MaxSteps { get; } = new("--max-steps", "VERIFICATION_MAX_STEPS", ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "scheduling steps per iteration (fair strategies get twice as many); reaching it is a LIVE failure",
        Default = Defaults.Settings.MaxSteps,
    };

    public static Setting<int?> TimeLimit { get; } = new("--time-limit", "VERIFICATION_TIME_LIMIT", (name, text) => ValueParsers.PositiveWholeNumber(name, text))
    {
        ValueName = "SECONDS",
        Description = "seconds per run (one scenario, one seed) instead of a number of iterations",
        Default = Defaults.Settings.TimeLimitSeconds,
        DefaultText = "none",
    };

    public static Setting<string> Out { get; } = new("--out", null, ValueParsers.Text)
    {
        ValueName = "DIR",
        Description = "the output folder: reports, traces, their case files and histories",
        Default = Defaults.Settings.ResultsDirectory,
    };

    public static Setting<string?> Json { get; } = new("--json", null, ValueParsers.Text)
    {
        ValueName = "FILE",
        Description = "also write the JSON report to this file",
        DefaultText = "none",
    };

    public static Setting<bool> NoFingerprint { get; } = new("--no-fingerprint", null, ValueParsers.Flag)
    {
        Description = "judge only the declared contract: no second executor mode, no reset probe",
        DefaultText = "fingerprint on",
    };

    public static Setting<string?> Replay { get; } = new("--replay", null, ValueParsers.Text)
    {
        ValueName = "TRACE",
        Description = "replay this trace in process instead of verifying (the same as: replay TRACE)",
        DefaultText = "none",
    };

    public static Setting<string?> Case { get; } = new("--case", null, ValueParsers.Text)
    {
        ValueName = "'implementation|scenario'",
        Description = "with a trace: the case it was recorded for, if no case file (TRACE.case) lies beside it",
        DefaultText = "the trace's case file",
    };

    public static Setting<int> GeneratedTests { get; } = new(null, "VERIFICATION_GENERATED_TESTS", ValueParsers.PositiveWholeNumber)
    {
        Description = "generated scenarios per implementation when none fails (FsCheck's MaxTest)",
        DefaultText = "the caller's: the suite generates 100",
    };

    public static Setting<int> GeneratedIterations { get; } = new(null, "VERIFICATION_GENERATED_ITERATIONS", ValueParsers.PositiveWholeNumber)
    {
        Description = "Coyote iterations per generated scenario and per shrink candidate",
        DefaultText = "the caller's: the suite runs 10, 50 for a planted bug",
    };

    public static Setting<(ulong Seed, ulong Gamma)?> GeneratedReplay { get; } = new(null, "VERIFICATION_GENERATED_REPLAY", ValueParsers.FsCheckSeed)
    {
        Description = "the FsCheck seed 'seed,gamma' to generate from, or random for a fresh one each run",
        DefaultText = "the caller's: the suite uses a fixed seed",
    };

    /// <summary>The options of <c>verify</c>, in the order its usage line and help list them.</summary>
    public static ImmutableArray<ISetting> Verify =>
        [Implementations, Properties, Engines, Iterations, Seed, Seeds, Shard, Strategy, MaxSteps, TimeLimit, Out, Json, NoFingerprint, Replay, Case];

    /// <summary>Every setting: the options of <c>verify</c>, then those only the environment sets.</summary>
    public static ImmutableArray<ISetting> All => [.. Verify, GeneratedTests, GeneratedIterations, GeneratedReplay];
}
