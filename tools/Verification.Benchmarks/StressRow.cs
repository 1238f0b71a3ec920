using System.Collections.Immutable;

namespace Verification.Benchmarks;

/// <summary>One planted bug, Coyote (default strategy, one seed per trial) against the stress engine, the same CPU time each.</summary>
internal sealed record StressRow(
    string Bug, string Property, string Scenario, int CpuBudgetSeconds, int Trials,
    int CoyoteDetected, Spread? CoyoteCpuSecondsToBug, Spread? CoyoteWallSecondsToBug, Spread CoyoteExecutions,
    int StressDetected, Spread? StressCpuSecondsToBug, Spread? StressWallSecondsToBug, Spread StressExecutions);
