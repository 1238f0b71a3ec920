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

/// <summary>One observed event. Numbers are 1-based; absent ones are null.</summary>
/// <param name="Sequence">Position in the history (schedule order).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Caller">The caller the event belongs to, if any (attempts are attributed to the caller whose call started them).</param>
/// <param name="Attempt">The initialization attempt involved, if any. On <see cref="EventKind.GetThrew"/> it is set only when the
/// caller received exactly the exception object that attempt threw.</param>
/// <param name="Instance">The instance involved, numbered in order of first sight; on <see cref="EventKind.GetReturned"/> null means the get returned null.</param>
/// <param name="Detail">Free text for people (exception type and message).</param>
public sealed record HistoryEvent(
    int Sequence,
    EventKind Kind,
    int? Caller = null,
    int? Attempt = null,
    int? Instance = null,
    string? Detail = null);
