namespace Verification.Specs;

/// <summary>The verdict of one property, or of one run.</summary>
/// <remarks>
/// It lives with the contract, not with the engines, so that the one table of its spellings (<see cref="VerdictSpelling"/>)
/// can be keyed by it and every writer, in whichever project, takes its words from there.
/// </remarks>
public enum Verdict
{
    Pass,
    Fail,

    /// <summary>The engine could not judge (uncontrolled concurrency, a fault of its own).</summary>
    Inconclusive,

    /// <summary>The property does not apply to the implementation (RESET without a reset hook).</summary>
    NotApplicable,
}
