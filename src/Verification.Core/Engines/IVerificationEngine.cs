using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// A way of checking an implementation against its contract (Coyote's systematic scheduler, generated scenarios, stress on
/// real threads). The verify command runs every engine it is asked for and merges their verdicts; adding an engine is
/// implementing this interface and listing it in the command's engine catalog.
/// </summary>
public interface IVerificationEngine
{
    /// <summary>The engine's name on the command line and in reports, e.g. <c>coyote</c>.</summary>
    string Name { get; }

    /// <summary>
    /// What kind of runs back this engine's verdicts: whether its passes certify a property (controlled schedules) or only
    /// its violations count (runs sampled on real threads). The matrix merges engines by this, not by their names.
    /// </summary>
    Evidence Evidence { get; }

    /// <summary>Checks <paramref name="implementation"/> for the properties in <paramref name="request"/>.</summary>
    /// <param name="implementation">The implementation, judged against the contract it declares.</param>
    /// <param name="request">Budget, properties to judge, and whether to characterize as well.</param>
    /// <param name="progress">Receives progress as the engine works; reports are synchronous, on the engine's thread.</param>
    /// <returns>One result per requested property, in the order requested, and the fingerprint if one was asked for.</returns>
    EngineReport Verify(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress = null);
}
