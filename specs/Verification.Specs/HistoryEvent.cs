using System.Collections.Immutable;

namespace Verification.Specs;

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
    string? Detail = null)
{
    /// <summary>
    /// For an event that ends with an exception (a get that threw or was cancelled, an attempt that failed), where that
    /// exception and those inside it were thrown; empty otherwise.
    /// </summary>
    public ImmutableArray<ExceptionOrigin> Thrown { get; init; } = [];
}
