namespace Verification.Specs;

/// <summary>What happened at one step of a run, as the harness observed it.</summary>
public enum EventKind
{
    /// <summary>A caller starts a get.</summary>
    GetStarted,

    /// <summary>The harness cancels the token of a caller's current get.</summary>
    CancelRequested,

    /// <summary>A get returns a value (an instance, or null).</summary>
    GetReturned,

    /// <summary>A get ends with an exception other than OperationCanceledException.</summary>
    GetThrew,

    /// <summary>A get ends with OperationCanceledException.</summary>
    GetCanceled,

    /// <summary>A caller starts a reset.</summary>
    ResetStarted,

    /// <summary>A reset returns.</summary>
    ResetEnded,

    /// <summary>An initialization attempt starts (the implementation called the harness's setup function).</summary>
    AttemptStarted,

    /// <summary>An attempt completes successfully; its instance is initialized.</summary>
    AttemptSucceeded,

    /// <summary>An attempt throws its scripted exception.</summary>
    AttemptFailed,

    /// <summary>An attempt ends because the token the implementation passed to it was cancelled.</summary>
    AttemptCanceled,

    /// <summary>At the end of a scenario the harness fails an attempt that still hangs, so its waiters can finish.</summary>
    AttemptReleased,

    /// <summary>
    /// The token the implementation passed to an attempt is cancelled: the moment the implementation decided to cancel the
    /// shared initialization, which the attempt may notice only later.
    /// </summary>
    AttemptCancelRequested,
}
