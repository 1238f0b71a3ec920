namespace Verification.Core;

/// <summary>What each kind of <see cref="Evidence"/> can establish.</summary>
public static class EvidenceStrength
{
    /// <summary>
    /// True if a pass backed by <paramref name="evidence"/> establishes that the property holds over the budget: the
    /// schedules were controlled, so "no violation" covers the schedules explored rather than the ones that happened to occur.
    /// </summary>
    public static bool CanCertifyPass(this Evidence evidence) => evidence switch
    {
        Evidence.Systematic or Evidence.Generated => true,
        _ => false,
    };
}
