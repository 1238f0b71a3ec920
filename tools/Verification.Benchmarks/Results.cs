using System.Collections.Immutable;

namespace Verification.Benchmarks;

/// <summary>Everything one benchmark run measured; serialized as results.json and rendered as results.md.</summary>
internal sealed record Results(
    DateTimeOffset Date,
    Machine Machine,
    Options Options,
    ImmutableArray<ThroughputRow> Callers,
    ImmutableArray<BreakdownRow> Breakdown,
    ImmutableArray<ThroughputRow> Lengths,
    ImmutableArray<CiRow> Ci,
    ImmutableArray<BugFindingRow> BugFinding,
    ImmutableArray<StressRow> Stress,
    double TotalSeconds);

/// <summary>The machine and how busy it was.</summary>
internal sealed record Machine(string Os, string Runtime, int Cores, string Cpu, string LoadAverageAtStart, string LoadAverageAtEnd);

/// <summary>
/// Throughput of one scenario on the double-checked singleton: the harness's iterations per second, the bare Coyote test's
/// (when there is one for the scenario), and per repeat the cost ratio harness/bare (bare iterations per second over the
/// harness's). Milliseconds per iteration are the harness's.
/// </summary>
internal sealed record ThroughputRow(
    string Scenario, int Callers, int GetsPerCaller, int SetupAwaits, int Iterations,
    Spread HarnessPerSecond, Spread HarnessMsPerIteration, Spread? BarePerSecond, Spread? CostRatio);

/// <summary>What CI does for one planted bug: the CI budget, seed 1 and the default strategy over the standard scenarios in order.</summary>
internal sealed record CiRow(string Bug, string Property, string? CatchingScenario, int IterationsToBug, double SecondsToBug, int ScenariosRun);

/// <summary>One planted bug under one strategy over many seeds, each seed a run with the CI budget on the bug's scenario.</summary>
internal sealed record BugFindingRow(
    string Bug, string Property, string Scenario, string Strategy, int Seeds, int Detected, Spread? IterationsToBug, Spread? SecondsToBug)
{
    public double DetectionRate => Seeds == 0 ? 0 : (double)Detected / Seeds;
}

/// <summary>One planted bug, Coyote (default strategy, one seed per trial) against the stress engine, the same CPU time each.</summary>
internal sealed record StressRow(
    string Bug, string Property, string Scenario, int CpuBudgetSeconds, int Trials,
    int CoyoteDetected, Spread? CoyoteCpuSecondsToBug, Spread? CoyoteWallSecondsToBug, Spread CoyoteExecutions,
    int StressDetected, Spread? StressCpuSecondsToBug, Spread? StressWallSecondsToBug, Spread StressExecutions);
