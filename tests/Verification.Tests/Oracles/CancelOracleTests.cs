using Verification.Specs;
using Verification.Specs.Oracles;

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
            Assert.That(Oracle.Check(history, Declared.Caller)?.Reason, Is.EqualTo("caller 2 ended with OperationCanceledException although its own token was never cancelled."));
            Assert.That(history.ViolatedUnder(Declared.Caller), Is.EqualTo("CANCEL"));
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
            Assert.That(Oracle.Check(history, Declared.Retry)?.Reason, Is.EqualTo("cancellation policy none is declared, but caller 2 ended with OperationCanceledException."));
            Assert.That(history.ViolatedUnder(Declared.Retry), Is.EqualTo("CANCEL"));
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
            Assert.That(Oracle.Check(history, Declared.Retry), Is.Null);
            Assert.That(history.ViolatedUnder(Declared.Retry), Is.Empty);
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
            Assert.That(Oracle.Check(history, Declared.Caller), Is.Null);
            Assert.That(history.ViolatedUnder(Declared.Caller), Is.Empty);
        });
    }

    [TestCase(CancellationPolicy.None, "none")]
    [TestCase(CancellationPolicy.Caller, "caller")]
    public void Check_SharedAttemptCancelledUnlessAbandonIsDeclared_ViolatesCancel(CancellationPolicy policy, string id)
    {
        var contract = Declared.With(policy);
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
            Assert.That(Oracle.Check(history, Declared.CallerAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Declared.CallerAbandon), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerAbandon_AttemptCancelledWhileAnUncancelledCallerWaits_ViolatesCancel()
    {
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
            Assert.That(Oracle.Check(history, Declared.CallerAbandon)?.Reason, Does.StartWith("attempt 1 was cancelled while caller 2, whose token was not cancelled, still waited"));
            Assert.That(history.ViolatedUnder(Declared.CallerAbandon), Is.EqualTo("CANCEL"));
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
            Assert.That(Oracle.Check(history, Declared.CallerAbandon)?.Reason, Is.EqualTo("caller-abandon is declared, but attempt 1 kept running after every caller waiting for it had cancelled."));
            Assert.That(history.ViolatedUnder(Declared.CallerAbandon), Is.EqualTo("CANCEL"));
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
            Assert.That(Oracle.Check(history, Declared.Caller), Is.Null);
            Assert.That(history.ViolatedUnder(Declared.Caller), Is.Empty);
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
            Assert.That(Oracle.Check(history, Declared.CallerAbandon), Is.Null);
            Assert.That(history.ViolatedUnder(Declared.CallerAbandon), Is.Empty);
        });
    }
}
