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
