namespace Verification.Core;

/// <summary>Running an <see cref="IVerificationEngine"/> so that its report says what backs it.</summary>
public static class VerificationEngines
{
    /// <summary>
    /// Runs <paramref name="engine"/> and returns its report carrying the evidence the engine declares
    /// (<see cref="IVerificationEngine.Evidence"/>), whatever the engine itself put there: the declaration is what the matrix
    /// merges by, so an engine that forgets to copy it into its report cannot weaken or strengthen its own verdicts.
    /// </summary>
    public static EngineReport VerifyWithEvidence(
        this IVerificationEngine engine, Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.Verify(implementation, request, progress) with { Evidence = engine.Evidence };
    }
}
