using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The one question the scenario executor asks of a cancellation policy: may a cancelled caller stop waiting while an
/// attempt still hangs? Two policies that answer alike make the executor wait alike, so their histories are the same runs.
/// </summary>
public static class ExecutorWaiting
{
    public static bool CancelledCallersFinishAlone(this CancellationPolicy policy) => policy != CancellationPolicy.None;

    public static bool WaitsAlike(CancellationPolicy one, CancellationPolicy other) =>
        one.CancelledCallersFinishAlone() == other.CancelledCallersFinishAlone();
}
