using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>A get call seen as an interval of the history.</summary>
public sealed record GetCall(
    int Caller,
    int Start,
    int? End,
    CallOutcome Outcome,
    int? Instance,
    int? ExceptionAttempt,
    int? CancelRequestedAt,
    string? Detail)
{
    /// <summary>True if the harness cancelled this call's token before the call ended.</summary>
    public bool WasCanceled => CancelRequestedAt is int at && (End is null || at < End);

    /// <summary>True if the call had started and not yet ended at sequence point <paramref name="sequence"/>.</summary>
    public bool InProgressAt(int sequence) => Start < sequence && (End is null || End > sequence);
}
