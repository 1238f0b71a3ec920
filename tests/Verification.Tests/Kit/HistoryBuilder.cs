using Verification.Specs;

namespace Verification.Tests.Kit;

/// <summary>
/// Writes a history event by event, in schedule order, so that a test reads like the table <see cref="HistoryTable"/>
/// renders: <c>.Get(1).AttemptStarts(1, instance: 1, caller: 1).AttemptSucceeds(1).Returns(1, instance: 1)</c>.
/// </summary>
/// <remarks>
/// Events are attributed as the harness attributes them: an attempt's end belongs to the caller whose call started it,
/// and a caller that receives an attempt's exception gets that attempt's number (the very exception object).
/// </remarks>
internal sealed class HistoryBuilder
{
    private readonly List<HistoryEvent> _events = [];
    private readonly Dictionary<int, int?> _attemptCallers = [];
    private readonly int _callers;

    /// <param name="callers">Columns to show even if some caller has no event; by default the highest caller seen.</param>
    public HistoryBuilder(int callers = 0) => _callers = callers;

    /// <summary>Caller <paramref name="caller"/> starts a get.</summary>
    public HistoryBuilder Get(int caller) => Add(EventKind.GetStarted, caller);

    /// <summary>The harness cancels the token of <paramref name="caller"/>'s current get.</summary>
    public HistoryBuilder TokenCancelled(int caller) => Add(EventKind.CancelRequested, caller);

    /// <summary>The get of <paramref name="caller"/> returns instance #<paramref name="instance"/>.</summary>
    public HistoryBuilder Returns(int caller, int instance) => Add(EventKind.GetReturned, caller, instance: instance);

    /// <summary>The get of <paramref name="caller"/> returns null.</summary>
    public HistoryBuilder ReturnsNull(int caller) => Add(EventKind.GetReturned, caller, detail: "null");

    /// <summary>The get of <paramref name="caller"/> throws the very exception object attempt <paramref name="attempt"/> threw.</summary>
    public HistoryBuilder Throws(int caller, int attempt) =>
        Add(EventKind.GetThrew, caller, attempt: attempt, detail: $"InitializationFailedException: Attempt {attempt} failed, as its script says.");

    /// <summary>The get of <paramref name="caller"/> throws an exception no attempt threw (a copy, a wrapper, an invention).</summary>
    public HistoryBuilder ThrowsOther(int caller, string exception) => Add(EventKind.GetThrew, caller, detail: exception);

    /// <summary>The get of <paramref name="caller"/> ends with OperationCanceledException.</summary>
    public HistoryBuilder EndsCanceled(int caller) => Add(EventKind.GetCanceled, caller, detail: nameof(OperationCanceledException));

    /// <summary>Caller <paramref name="caller"/> starts a reset.</summary>
    public HistoryBuilder Reset(int caller) => Add(EventKind.ResetStarted, caller);

    /// <summary>The reset of <paramref name="caller"/> returns.</summary>
    public HistoryBuilder ResetDone(int caller) => Add(EventKind.ResetEnded, caller);

    /// <summary>Attempt <paramref name="attempt"/> starts initializing instance #<paramref name="instance"/>, started by <paramref name="caller"/>'s call.</summary>
    public HistoryBuilder AttemptStarts(int attempt, int instance, int? caller)
    {
        _attemptCallers[attempt] = caller;
        return Add(EventKind.AttemptStarted, caller, attempt, instance);
    }

    public HistoryBuilder AttemptSucceeds(int attempt) => Add(EventKind.AttemptSucceeded, CallerOf(attempt), attempt);

    public HistoryBuilder AttemptFails(int attempt) =>
        Add(EventKind.AttemptFailed, CallerOf(attempt), attempt, detail: $"InitializationFailedException: Attempt {attempt} failed, as its script says.");

    /// <summary>
    /// The implementation cancels the token it gave attempt <paramref name="attempt"/>: the moment it decided to cancel the
    /// shared initialization, which the attempt may notice only later.
    /// </summary>
    public HistoryBuilder AttemptTokenCancelled(int attempt) => Add(EventKind.AttemptCancelRequested, CallerOf(attempt), attempt);

    /// <summary>Attempt <paramref name="attempt"/> ends because the token the implementation gave it was cancelled.</summary>
    public HistoryBuilder AttemptIsCanceled(int attempt) =>
        Add(EventKind.AttemptCanceled, CallerOf(attempt), attempt, detail: nameof(OperationCanceledException));

    /// <summary>Attempt <paramref name="attempt"/> hung to the end of the scenario and the harness failed it.</summary>
    public HistoryBuilder AttemptIsReleased(int attempt) =>
        Add(EventKind.AttemptReleased, CallerOf(attempt), attempt, detail: $"AttemptReleasedException: Attempt {attempt} hung until the end of the scenario.");

    public History Build()
    {
        var highest = _events.Select(e => e.Caller ?? 0).DefaultIfEmpty(0).Max();
        return new History(_events, Math.Max(_callers, highest));
    }

    private int? CallerOf(int attempt) => _attemptCallers.TryGetValue(attempt, out var caller) ? caller : null;

    private HistoryBuilder Add(EventKind kind, int? caller, int? attempt = null, int? instance = null, string? detail = null)
    {
        _events.Add(new HistoryEvent(_events.Count + 1, kind, caller, attempt, instance, detail));
        return this;
    }
}
