using Verification.Specs;
using Verification.Specs.Oracles;

namespace Verification.Tests;

/// <summary>CANCEL under caller-abandon on hand-written histories: when the shared attempt may be cancelled.</summary>
public sealed class CancelOracleTests
{
    private static readonly DeclaredContract Abandon = new(FailurePolicy.Retry, CancellationPolicy.CallerAbandon, SupportsReset: false);

    [Test]
    public void Check_AttemptCancelledAfterItsStarterCancelled_WhileAnotherGetHadStarted_Holds()
    {
        // Caller 2's get is recorded before the abandonment, but may reach the implementation only after it.
        var history = Build(
            (EventKind.GetStarted, 1, null),
            (EventKind.AttemptStarted, 1, 1),
            (EventKind.CancelRequested, 1, null),
            (EventKind.GetStarted, 2, null),
            (EventKind.AttemptCancelRequested, 1, 1),
            (EventKind.AttemptCanceled, 1, 1),
            (EventKind.GetCanceled, 1, null),
            (EventKind.AttemptStarted, 2, 2),
            (EventKind.AttemptSucceeded, 2, 2),
            (EventKind.GetReturned, 2, null));

        Assert.That(new CancelOracle().Check(history, Abandon), Is.Null);
    }

    [Test]
    public void Check_AttemptCancelledWhileItsStarterStillWanted_IsViolation()
    {
        var history = Build(
            (EventKind.GetStarted, 1, null),
            (EventKind.AttemptStarted, 1, 1),
            (EventKind.GetStarted, 2, null),
            (EventKind.CancelRequested, 2, null),
            (EventKind.AttemptCancelRequested, 2, 1),
            (EventKind.AttemptCanceled, 1, 1),
            (EventKind.GetCanceled, 2, null),
            (EventKind.AttemptStarted, 1, 2),
            (EventKind.AttemptSucceeded, 1, 2),
            (EventKind.GetReturned, 1, null));

        Assert.That(new CancelOracle().Check(history, Abandon)?.Reason, Does.StartWith("attempt 1 was cancelled while caller 1, whose call started it"));
    }

    [Test]
    public void Check_AttemptTokenCancelledBeforeItsStarterCancelled_IsViolationEvenIfNoticedAfter()
    {
        // The decision counts, not the moment the attempt noticed it.
        var history = Build(
            (EventKind.GetStarted, 1, null),
            (EventKind.AttemptStarted, 1, 1),
            (EventKind.AttemptCancelRequested, 1, 1),
            (EventKind.CancelRequested, 1, null),
            (EventKind.AttemptCanceled, 1, 1),
            (EventKind.GetCanceled, 1, null));

        Assert.That(new CancelOracle().Check(history, Abandon)?.Reason, Does.StartWith("attempt 1 was cancelled while caller 1"));
    }

    [Test]
    public void Check_NonCancelledCallerEndsCancelled_IsViolation()
    {
        var history = Build(
            (EventKind.GetStarted, 1, null),
            (EventKind.AttemptStarted, 1, 1),
            (EventKind.GetStarted, 2, null),
            (EventKind.CancelRequested, 1, null),
            (EventKind.AttemptCancelRequested, 1, 1),
            (EventKind.AttemptCanceled, 1, 1),
            (EventKind.GetCanceled, 1, null),
            (EventKind.GetCanceled, 2, null));

        Assert.That(new CancelOracle().Check(history, Abandon)?.Reason, Does.StartWith("caller 2 ended with"));
    }

    private static History Build(params (EventKind Kind, int Caller, int? Attempt)[] events) =>
        new(events.Select((e, i) => new HistoryEvent(i + 1, e.Kind, e.Caller, e.Attempt, e.Kind == EventKind.AttemptStarted ? e.Attempt : null)), callerCount: 2);
}
