namespace Verification;

/// <summary>What happens to later calls after an initialization attempt fails.</summary>
public enum FailurePolicy
{
    /// <summary>The failure reaches the callers waiting on that attempt; the next call starts a new attempt.</summary>
    Retry,

    /// <summary>The failure is kept: every later caller gets that same exception and no new attempt starts.</summary>
    Cache,
}
