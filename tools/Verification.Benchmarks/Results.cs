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
    CiCost? CiCost,
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

/// <summary>
/// What the CI budget costs: seconds per iteration of each standard scenario on a correct implementation at the
/// CI budget, and from them an estimate of the Coyote work of one CI run at several budgets.
/// </summary>
/// <param name="Scenarios">Per standard scenario, milliseconds per iteration at the CI budget.</param>
/// <param name="Implementations">Registered implementations Coyote explores (those the rewriter could process).</param>
/// <param name="ScenarioRuns">Implementation-scenario pairs the matrix runs (reset scenarios only where a reset is declared).</param>
/// <param name="SecondsAtBudget">Per budget (iterations per scenario), the estimated seconds of Coyote exploration in one CI run:
/// every pair at the full budget, twice (the matrix tests and verify), at the median cost per iteration of its scenario.</param>
internal sealed record CiCost(
    ImmutableArray<ScenarioCost> Scenarios, int Implementations, int ScenarioRuns, ImmutableSortedDictionary<int, double> SecondsAtBudget);

/// <summary>One standard scenario's cost per iteration at the CI budget, on a correct implementation it applies to.</summary>
internal sealed record ScenarioCost(string Scenario, string Text, string Implementation, Spread MsPerIteration);
