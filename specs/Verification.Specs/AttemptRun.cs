using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>
/// An initialization attempt seen as an interval of the history. <c>CancelRequestedAt</c> is when the attempt's token was
/// cancelled, if that happened before the attempt ended.
/// </summary>
public sealed record AttemptRun(int Number, int Instance, int? Caller, int Start, int? End, AttemptOutcome Outcome, int? CancelRequestedAt = null);
