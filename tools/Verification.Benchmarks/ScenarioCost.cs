using System.Collections.Immutable;

namespace Verification.Benchmarks;

/// <summary>One standard scenario's cost per iteration at the CI budget, on a correct implementation it applies to.</summary>
internal sealed record ScenarioCost(string Scenario, string Text, string Implementation, Spread MsPerIteration);
