using Verification.Specs;
using Verification.Specs.Oracles;
using Verification.Tests.Kit;

namespace Verification.Tests.Oracles;

/// <summary>FAILURE: failures propagate as declared (retry or cache), never swallowed or replaced.</summary>
public sealed class FailureOracleTests
{
    private static readonly FailureOracle Oracle = new();

    [Test]
    public void Check_RetryDeclared_FailureReachesEveryWaiterThenANewAttempt_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .Throws(2, attempt: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerReceivesAWrappedException_ViolatesFailure()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .ThrowsOther(1, "AggregateException: One or more errors occurred.")
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(
                Oracle.Check(history, Contracts.RetryNone)?.Reason,
                Is.EqualTo("caller 1 ended with AggregateException: One or more errors occurred., which is not the exception any attempt threw (replaced, wrapped or invented)."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("FAILURE"));
        });
    }

    [Test]
    public void Check_FailureSwallowedByAnInternalRetry_ViolatesFailure()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .Returns(1, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(
                Oracle.Check(history, Contracts.RetryNone)?.Reason,
                Is.EqualTo("attempt 1 failed while caller 1 waited, and no caller received its exception (caller 1 received instance #2): the failure was swallowed."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("FAILURE"));
        });
    }

    [Test]
    public void Check_FailureReachesOneOfTwoWaiters_Holds()
    {
        // Which attempt a caller waits on is not observable, so one waiter receiving the exception is enough.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNone), Is.Null);
    }

    [Test]
    public void Check_AttemptFailsAfterItsOnlyWaiterCancelled_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .AttemptFails(1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryCaller), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryCaller), Is.Empty);
        });
    }

    [Test]
    public void Check_FailureWhileOnlyACallerThatMayNotHaveJoinedWaits_Holds()
    {
        // Caller 1 started attempt 1 and cancelled; caller 2's get was in progress when attempt 1 failed, but nothing shows
        // it had reached the implementation, so it may have come in after the failure and started attempt 2.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(1)
            .EndsCanceled(1)
            .AttemptFails(1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryCaller), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryCaller), Is.Empty);
        });
    }

    [Test]
    public void Check_RetryDeclared_LaterCallerGetsTheSameFailure_ViolatesFailure()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .Get(2)
            .Throws(2, attempt: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(
                Oracle.Check(history, Contracts.RetryNone)?.Reason,
                Is.EqualTo("retry is declared, but caller 2 called after caller 1 had received attempt 1's exception and got that same failure instead of a new attempt."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("FAILURE"));
        });
    }

    [Test]
    public void Check_RetryDeclared_CallerStartingBeforeAnyoneReturnedTheFailure_MayShareIt()
    {
        // Caller 2 calls after attempt 1 failed but before any caller had returned with the failure.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Get(2)
            .Throws(1, attempt: 1)
            .Throws(2, attempt: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.Empty);
        });
    }

    [Test]
    public void Check_CacheDeclared_LaterCallerGetsTheSameFailure_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .Get(2)
            .Throws(2, attempt: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.CacheNone), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.CacheNone), Is.Empty);
        });
    }

    [Test]
    public void Check_CacheDeclared_LaterCallerGetsANewAttempt_ViolatesFailure()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(
                Oracle.Check(history, Contracts.CacheNone)?.Reason,
                Is.EqualTo("cache is declared, but caller 2 called after caller 1 had received attempt 1's exception and did not get that same exception."));
            Assert.That(history.ViolatedUnder(Contracts.CacheNone), Is.EqualTo("FAILURE"));
        });
    }

    [Test]
    public void Check_CacheDeclared_NewAttemptStartedForACancelledCaller_ViolatesFailure()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .TokenCancelled(2)
            .EndsCanceled(2)
            .AttemptSucceeds(2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(
                Oracle.Check(history, Contracts.CacheCaller)?.Reason,
                Is.EqualTo("cache is declared, but attempt 2 started after caller 1 had received attempt 1's exception."));
            Assert.That(history.ViolatedUnder(Contracts.CacheCaller), Is.EqualTo("FAILURE"));
        });
    }

    [Test]
    public void Check_CacheDeclared_NewAttemptAfterACompletedReset_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .Reset(1)
            .ResetDone(1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.CacheNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.CacheNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_CacheDeclared_NewAttemptStartingWhileAResetRuns_Holds()
    {
        // The reset cleared the cached failure before caller 2's get, but returned only after attempt 2 had started.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Throws(1, attempt: 1)
            .Reset(1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .ResetDone(1)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.CacheNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.CacheNoneResettable), Is.Empty);
        });
    }
}
