using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>One cell of the matrix: the merged verdict of one property, why, and what each engine said.</summary>
/// <param name="Property">The column.</param>
/// <param name="Verdict">The verdict merged over every engine.</param>
/// <param name="Cause">Why it is inconclusive or n/a (the first cause an engine gave), or null.</param>
/// <param name="Violation">The first violation any engine reported, or null.</param>
/// <param name="Engines">Each engine's own verdict, in engine order.</param>
internal sealed record CellView(Property Property, Verdict Verdict, string? Cause, Violation? Violation, ImmutableArray<EngineResultView> Engines)
{
    /// <summary>What a reader asks of the cell: on a failure the violation, otherwise the cause.</summary>
    public string? Why => Verdict == Verdict.Fail ? Violation?.ToString() : Cause;
}
