using System.Collections.Immutable;

namespace Verification.Benchmarks;

/// <summary>One planted bug under one strategy over many seeds, each seed a run with the CI budget on the bug's scenario.</summary>
internal sealed record BugFindingRow(
    string Bug, string Property, string Scenario, string Strategy, int Seeds, int Detected, Spread? IterationsToBug, Spread? SecondsToBug)
{
    public double DetectionRate => Seeds == 0 ? 0 : (double)Detected / Seeds;
}
