using Verification.Specs;
using Verification.Specs.Oracles;
using Verification.Tests.Kit;

namespace Verification.Tests.Oracles;

/// <summary>CANCEL: cancellation affects only the caller who cancelled, and the shared attempt only under caller-abandon.</summary>
public sealed class CancelOracleTests
{
    private static readonly CancelOracle Oracle = new();

    [Test]
    public void Check_CallerWhoseTokenWasNeverCancelledEndsCanceled_ViolatesCancel()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .EndsCanceled(2)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryCaller)?.Reason, Is.EqualTo("caller 2 ended with OperationCanceledException although its own token was never cancelled."));
            Assert.That(history.ViolatedUnder(Contracts.RetryCaller), Is.EqualTo("CANCEL"));
        });
    }

    [Test]
    public void Check_PolicyNone_CancelledCallerStopsWaiting_ViolatesCancel()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(2)
            .EndsCanceled(2)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("cancellation policy none is declared, but caller 2 ended with OperationCanceledException."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("CANCEL"));
        });
    }

    [Test]
    public void Check_PolicyNone_CancelledCallerWaitsForTheInstance_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .TokenCancelled(1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.Empty);
        });
    }

    [Test]
    public void Check_PolicyCaller_CancelledCallerStopsWaitingWhileTheOtherGetsTheInstance_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .AttemptSucceeds(1)
            .Returns(2, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryCaller), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryCaller), Is.Empty);
        });
    }

    [TestCase(CancellationPolicy.None, "none")]
    [TestCase(CancellationPolicy.Caller, "caller")]
    public void Check_SharedAttemptCancelledUnlessAbandonIsDeclared_ViolatesCancel(CancellationPolicy policy, string id)
    {
        var contract = Contracts.RetryWith(policy);
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .TokenCancelled(1)
            .AttemptIsCanceled(1)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .Returns(1, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, contract)?.Reason, Is.EqualTo($"attempt 1 (the shared initialization) was cancelled, which cancellation policy {id} does not allow."));
            Assert.That(history.ViolatedUnder(contract), Is.EqualTo("CANCEL"));
        });
    }

    [Test]
    public void Check_CallerAbandon_AttemptCancelledOnceItsOnlyWaiterCancelled_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .AttemptIsCanceled(1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerAbandon_AttemptCancelledWhileTheCallThatStartedItWaitsUncancelled_ViolatesCancel()
    {
        // Only caller 2, who joined, cancelled; caller 1 started attempt 1 and still waited for it.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(2)
            .EndsCanceled(2)
            .AttemptIsCanceled(1)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .Returns(1, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(
                Oracle.Check(history, Contracts.RetryAbandon)?.Reason,
                Is.EqualTo("attempt 1 was cancelled while caller 1, whose call started it and whose token was not cancelled, still waited."));
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.EqualTo("CANCEL"));
        });
    }

    [Test]
    public void Check_CallerAbandon_UncancelledCallerThatMayNotHaveJoinedYet_Holds()
    {
        // Caller 2's get was in progress, but nothing shows it had reached the implementation before caller 1, the only
        // caller known to wait on attempt 1, cancelled; it then started attempt 2 as a caller arriving late would.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .AttemptIsCanceled(1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerAbandon_CallerArrivingAfterTheAbandonWaitsForTheNextAttempt_Holds()
    {
        // Callers 1 and 3 had cancelled, so the implementation abandoned attempt 1; caller 2 called before attempt 1 had
        // noticed, waited for it to unwind, and started attempt 2.
        var history = new HistoryBuilder()
            .Get(1)
            .Get(3)
            .TokenCancelled(3)
            .TokenCancelled(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .EndsCanceled(1)
            .EndsCanceled(3)
            .AttemptIsCanceled(1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerAbandon_AbandonedBeforeTheAttemptRecordedItsStart_Holds()
    {
        // Caller 1's call set attempt 1 up, was cancelled and abandoned it, all before the attempt recorded its start.
        var history = new HistoryBuilder()
            .Get(1)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .Get(2)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptIsCanceled(1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerAbandon_AttemptLeftBehindByTheCallersEarlierCancelledGet_Holds()
    {
        // Caller 1's first get set attempt 1 up, was cancelled and abandoned it; the attempt recorded its start only
        // during caller 1's second get, which waits for the next attempt.
        var history = new HistoryBuilder()
            .Get(1)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptIsCanceled(1)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .Returns(1, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerAbandon_AttemptHangsOnAfterEveryWaiterCancelled_ViolatesCancel()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(1)
            .TokenCancelled(2)
            .EndsCanceled(1)
            .EndsCanceled(2)
            .AttemptIsReleased(1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryAbandon)?.Reason, Is.EqualTo("caller-abandon is declared, but attempt 1 kept running after every caller waiting for it had cancelled."));
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.EqualTo("CANCEL"));
        });
    }

    [Test]
    public void Check_PolicyCaller_AttemptHangsOnAfterEveryWaiterCancelled_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(1)
            .TokenCancelled(2)
            .EndsCanceled(1)
            .EndsCanceled(2)
            .AttemptIsReleased(1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryCaller), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryCaller), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerAbandon_HangingAttemptAnUncancelledCallerStillWants_Holds()
    {
        // Caller 2 never cancelled, so the attempt must go on; the harness releases it at the end and caller 2 gets that failure.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .AttemptIsReleased(1)
            .Throws(2, attempt: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryAbandon), Is.Empty);
        });
    }

    [Test]
    public void Check_AttemptCancelledAfterItsStarterCancelled_WhileAnotherGetHadStarted_Holds()
    {
        // Caller 2's get is recorded before the abandonment, but may reach the implementation only after it.
        var history = new HistoryBuilder(callers: 2)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .TokenCancelled(1)
            .Get(2)
            .AttemptTokenCancelled(1)
            .AttemptIsCanceled(1)
            .EndsCanceled(1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .ReturnsNull(2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryAbandon), Is.Null);
    }

    [Test]
    public void Check_AttemptCancelledWhileItsStarterStillWanted_IsViolation()
    {
        var history = new HistoryBuilder(callers: 2)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(2)
            .AttemptTokenCancelled(1)
            .AttemptIsCanceled(1)
            .EndsCanceled(2)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .ReturnsNull(1)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryAbandon)?.Reason, Does.StartWith("attempt 1 was cancelled while caller 1, whose call started it"));
    }

    [Test]
    public void Check_AttemptTokenCancelledBeforeItsStarterCancelled_IsViolationEvenIfNoticedAfter()
    {
        // The decision counts, not the moment the attempt noticed it.
        var history = new HistoryBuilder(callers: 2)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptTokenCancelled(1)
            .TokenCancelled(1)
            .AttemptIsCanceled(1)
            .EndsCanceled(1)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryAbandon)?.Reason, Does.StartWith("attempt 1 was cancelled while caller 1"));
    }

    [Test]
    public void Check_NonCancelledCallerEndsCancelled_IsViolation()
    {
        var history = new HistoryBuilder(callers: 2)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(1)
            .AttemptTokenCancelled(1)
            .AttemptIsCanceled(1)
            .EndsCanceled(1)
            .EndsCanceled(2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryAbandon)?.Reason, Does.StartWith("caller 2 ended with"));
    }
}
