using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>The verdict of one property from one engine, with the evidence.</summary>
/// <param name="Property">The property.</param>
/// <param name="Verdict">Pass, fail, inconclusive or not applicable.</param>
/// <param name="Iterations">Iterations of the runs that exercised the property.</param>
/// <param name="Elapsed">Time of those runs.</param>
/// <param name="Scenario">On a failure, the scenario it failed in.</param>
/// <param name="Violation">On a failure, what broke, in words.</param>
/// <param name="History">On a failure, the history as a table with one column per caller.</param>
/// <param name="Witness">On a failure, the replayable run (trace, replay command), if one could be recorded.</param>
/// <param name="Cause">Why the verdict is inconclusive or not applicable, or why a failure has no replayable run.</param>
public sealed record PropertyResult(
    Property Property,
    Verdict Verdict,
    int Iterations,
    TimeSpan Elapsed,
    Scenario? Scenario = null,
    Violation? Violation = null,
    string? History = null,
    RunResult? Witness = null,
    string? Cause = null)
{
    /// <summary>The result every engine gives a property that does not apply to <paramref name="implementation"/>, or null if it applies.</summary>
    public static PropertyResult? NotApplicable(Implementation implementation, Property property)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return property == Property.Reset && !implementation.Contract.SupportsReset
            ? new PropertyResult(property, Verdict.NotApplicable, 0, TimeSpan.Zero, Cause: "The implementation declares no reset.")
            : null;
    }
}
