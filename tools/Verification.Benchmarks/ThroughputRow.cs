using System.Collections.Immutable;

namespace Verification.Benchmarks;

/// <summary>
/// Throughput of one scenario on the double-checked singleton: the harness's iterations per second, the bare Coyote test's
/// (when there is one for the scenario), and per repeat the cost ratio harness/bare (bare iterations per second over the
/// harness's). Milliseconds per iteration are the harness's.
/// </summary>
internal sealed record ThroughputRow(
    string Scenario, int Callers, int GetsPerCaller, int SetupAwaits, int Iterations,
    Spread HarnessPerSecond, Spread HarnessMsPerIteration, Spread? BarePerSecond, Spread? CostRatio);
