namespace Verification;

/// <summary>
/// Declares that an implementation accepts an inconclusive verdict: the engine cannot judge some of its properties (an
/// assembly Coyote cannot rewrite, a lock outside Coyote's model), and the catalogue says why that is acceptable. Without
/// it, an implementation with an inconclusive cell does not pass: <c>verify</c> exits with a code of its own. The reports
/// show the reason beside the inconclusive cells.
/// </summary>
/// <remarks>
/// It accepts only what the engine could not judge: a property that fails still fails, and a cell that becomes conclusive
/// is judged as usual. Declare it on the adapter, with the reason the engine cannot judge the implementation and why that
/// is acceptable, so the reason is read wherever the verdict is.
/// </remarks>
/// <param name="reason">Why the implementation cannot be judged, and why an unproven verdict is acceptable for it.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AcceptsInconclusiveAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
