using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>Everything one engine concluded about one implementation.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Implementation">The implementation.</param>
/// <param name="Results">One result per requested property.</param>
/// <param name="Fingerprint">What the implementation does, if characterization was requested and the engine supports it.</param>
/// <param name="Iterations">Iterations the engine ran, in all.</param>
/// <param name="Elapsed">Time the engine spent, in all.</param>
/// <param name="Evidence">
/// What backs the verdicts: the engine's <see cref="IVerificationEngine.Evidence"/>. The matrix merges engines by it.
/// </param>
public sealed record EngineReport(
    string Engine,
    Implementation Implementation,
    ImmutableArray<PropertyResult> Results,
    Fingerprint? Fingerprint,
    int Iterations,
    TimeSpan Elapsed,
    Evidence Evidence)
{
    /// <summary>What the engine saw run that it does not control (Coyote's uncontrolled invocations), in all.</summary>
    public ImmutableArray<string> Uncontrolled { get; init; } = [];

    /// <summary>The verdict on <paramref name="property"/>.</summary>
    public Verdict VerdictOf(Property property) => Results.First(r => r.Property == property).Verdict;
}
