using System.Collections.Immutable;

namespace Verification.Benchmarks;

/// <summary>What CI does for one planted bug: the CI budget, seed 1 and the default strategy over the standard scenarios in order.</summary>
internal sealed record CiRow(string Bug, string Property, string? CatchingScenario, int IterationsToBug, double SecondsToBug, int ScenariosRun);
