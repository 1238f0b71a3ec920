namespace Verification.Core;

/// <summary>
/// Why Coyote stopped an iteration before the harness's iteration body finished it: the one classifier of what Coyote
/// reports by itself.
/// </summary>
public enum CoyoteStopKind
{
    /// <summary>Every operation was blocked on something Coyote controls: the callers left waiting fail LIVE.</summary>
    Deadlock,

    /// <summary>
    /// Coyote's periodic monitor, not its scheduler, saw the hang. In its own words it "cannot accurately determine if this
    /// is a deadlock, hang or false positive": a thread blocked on something Coyote does not see looks exactly like this.
    /// </summary>
    PotentialDeadlock,

    /// <summary>The iteration did not finish within the step bound: a livelock, or a spin that only an unfair schedule starves.</summary>
    StepBound,

    /// <summary>A static object built in one iteration was touched in the next: the adapter must reset it first.</summary>
    StaticStateLeak,

    /// <summary>Anything else Coyote reported (an exception inside its runtime, say).</summary>
    Other,
}
