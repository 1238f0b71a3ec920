using System.Collections.Immutable;
using Verification.Core;

namespace Verification.Benchmarks;

/// <summary>
/// The benchmarks' options, defined as the harness's are (<see cref="OptionTable"/>): each once, read by the harness's own
/// parsers, its default the one <see cref="Options"/> holds, and the one <c>--quick</c> sets where it differs.
/// </summary>
internal static class BenchmarkSettings
{
    private static readonly Options Full = new();

    public static Setting<bool> Quick { get; } = new("--quick", null, ValueParsers.Flag)
    {
        Description = "a short run (few repeats and seeds) to check the program end to end; the options below still override it",
        DefaultText = "the full run",
    };

    public static Setting<int> Repeats { get; } = new("--repeats", null, ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "how many times each throughput figure is measured",
        Default = Full.Repeats,
        DefaultText = WithQuick(Full.Repeats, Options.QuickRun.Repeats),
    };

    public static Setting<int> Seeds { get; } = new("--seeds", null, ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "how many seeds each planted bug gets per strategy",
        Default = Full.Seeds,
        DefaultText = WithQuick(Full.Seeds, Options.QuickRun.Seeds),
    };

    public static Setting<int> Trials { get; } = new("--trials", null, ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "how many trials each engine gets per planted bug in the stress-against-Coyote comparison",
        Default = Full.Trials,
        DefaultText = WithQuick(Full.Trials, Options.QuickRun.Trials),
    };

    public static Setting<int> Iterations { get; } = new("--iterations", null, ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "iterations per throughput measurement",
        Default = Full.ThroughputIterations,
        DefaultText = WithQuick(Full.ThroughputIterations, Options.QuickRun.ThroughputIterations),
    };

    public static Setting<int> CiIterations { get; } = new("--ci-iterations", null, ValueParsers.PositiveWholeNumber)
    {
        ValueName = "N",
        Description = "the CI budget being judged: iterations per scenario",
        Default = Full.CiIterations,
        DefaultText = WithQuick(Full.CiIterations, Options.QuickRun.CiIterations),
    };

    public static Setting<int> CpuBudget { get; } = new("--cpu-budget", null, ValueParsers.PositiveWholeNumber)
    {
        ValueName = "SECONDS",
        Description = "CPU time each engine gets per trial in the stress-against-Coyote comparison",
        Default = Full.CpuBudgetSeconds,
        DefaultText = WithQuick(Full.CpuBudgetSeconds, Options.QuickRun.CpuBudgetSeconds),
    };

    public static Setting<string> Out { get; } = new("--out", null, ValueParsers.Text)
    {
        ValueName = "DIR",
        Description = "where results.md and results.json are written",
        Default = Full.Out,
    };

    public static Setting<string?> Only { get; } = new("--only", null, ValueParsers.Text)
    {
        ValueName = "overhead,scaling,budget,bugs,stress",
        Description = "run only these sections (overhead includes the breakdown of its cost); the others are left empty",
        DefaultText = "every section",
    };

    /// <summary>Every option, in the order the usage line and help list them.</summary>
    public static ImmutableArray<ISetting> All => [Quick, Repeats, Seeds, Trials, Iterations, CiIterations, CpuBudget, Out, Only];

    private static string WithQuick(int full, int quick) => full == quick ? $"{full}" : $"{full}, {quick} with --quick";
}
