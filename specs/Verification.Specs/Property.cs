namespace Verification;

/// <summary>A property of the async-singleton contract. See specs/contract.md for the precise statements.</summary>
public enum Property
{
    /// <summary>ONCE: at most one successful initialization per epoch; attempts never overlap.</summary>
    Once,

    /// <summary>SAME: every caller in an epoch receives the one instance that epoch's initialization produced.</summary>
    Same,

    /// <summary>PUBLISHED: no caller receives an instance before its initialization completed.</summary>
    Published,

    /// <summary>FAILURE: failures propagate as declared (retry or cache), never swallowed or replaced.</summary>
    Failure,

    /// <summary>CANCEL: cancellation affects only the caller who cancelled (and the attempt, when declared).</summary>
    Cancel,

    /// <summary>LIVE: no deadlock, no hang, no lock left held.</summary>
    Live,

    /// <summary>RESET: a completed reset starts a new epoch; the old instance is never handed out again.</summary>
    Reset,
}
