using System.Collections.Immutable;

namespace Verification.Benchmarks;

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
