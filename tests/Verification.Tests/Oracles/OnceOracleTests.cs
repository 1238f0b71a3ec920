using Verification.Specs;
using Verification.Specs.Oracles;
using Verification.Tests.Kit;

namespace Verification.Tests.Oracles;

/// <summary>ONCE: at most one successful initialization per epoch; attempts never overlap.</summary>
public sealed class OnceOracleTests
{
    private static readonly OnceOracle Oracle = new();

    [Test]
    public void Check_OneAttemptSharedByEveryCaller_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Returns(2, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.Empty);
        });
    }

    [Test]
    public void Check_AttemptStartingWhileAnotherRuns_ViolatesOnce()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .AttemptFails(2)
            .Throws(2, attempt: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("attempt 2 started while attempt 1 was still running."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("ONCE"));
        });
    }

    [Test]
    public void Check_TwoSuccessfulAttemptsInOneEpoch_ViolatesOnce()
    {
        // The second instance never reaches a caller, so only ONCE can see that it was initialized at all.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("2 initializations succeeded: attempts 1, 2."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("ONCE"));
        });
    }

    [Test]
    public void Check_NewAttemptAfterAFailedOne_Holds()
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
            Assert.That(Oracle.Check(history, Contracts.RetryNone), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.Empty);
        });
    }

    [Test]
    public void Check_OneSuccessPerEpochAcrossACompletedReset_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(1)
            .ResetDone(1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_NewEpochAttemptWhileTheOldEpochsStillRuns_Holds()
    {
        // A reset completed while attempt 1 was in flight: the new epoch may start its own initialization at once.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Reset(2)
            .ResetDone(2)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_AttemptStartingAfterASuccessInTheSameEpoch_ViolatesOnce()
    {
        // The implementation initializes again although it already has an instance, and lets that failure out.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptFails(2)
            .Throws(2, attempt: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("attempt 2 started after attempt 1 had succeeded."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("ONCE"));
        });
    }

    [Test]
    public void Check_AttemptStartingWhileAResetRuns_Holds()
    {
        // The reset took effect before caller 2's get, but returned only after attempt 2 had started: attempt 2 is the
        // new epoch's, although the reset had not yet completed when it started.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .ResetDone(1)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_TwoSuccessesDuringOneLongReset_Holds()
    {
        // The reset may have taken effect anywhere between its start and its end, here between the two attempts.
        var history = new HistoryBuilder()
            .Reset(2)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(1)
            .AttemptStarts(2, instance: 2, caller: 1)
            .ResetDone(2)
            .AttemptSucceeds(2)
            .Returns(1, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_TwoSuccessesAfterACompletedReset_ViolatesOnce()
    {
        var history = new HistoryBuilder()
            .Reset(1)
            .ResetDone(1)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason, Is.EqualTo("2 initializations succeeded in epoch 1: attempts 1, 2."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.EqualTo("ONCE"));
        });
    }

    [Test]
    public void Check_AttemptStartingWhileAPendingOneNeverEnded_ViolatesOnce()
    {
        // A partial history, as a deadlock leaves it: attempt 1 never ended.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("attempt 2 started while attempt 1 was still running."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("ONCE, LIVE"));
        });
    }

    [Test]
    public void Judge_TheArticlesLockFreeRace_ViolatesOnceAndSame()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(3)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Returns(3, instance: 2)
            .Build();

        Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("ONCE, SAME"));
    }

    [Test]
    public void Check_SecondSuccessStartedWhileResetRan_Holds()
    {
        // The reset took effect before attempt 2 started, but its end was recorded after: attempt 2 may be the new epoch's.
        var history = new HistoryBuilder(callers: 2)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Reset(2)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .ResetDone(2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
    }

    [Test]
    public void Check_AttemptCommittedBeforeResetButStartedAfterIt_MayBelongToEitherEpoch()
    {
        // Caller 1's get committed to attempt 1, a whole reset ran, then the attempt reached the initialization.
        var history = new HistoryBuilder(callers: 2)
            .Get(1)
            .Reset(2)
            .ResetDone(2)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(1)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .Returns(1, instance: 2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
    }

    [Test]
    public void Check_LaterAttemptCommittedBeforeTheResetThatPrecededTheEarlier_MayBelongToTheOldEpoch()
    {
        // Caller 2's get began before the reset and committed to an old-epoch attempt; caller 1 reset and started the new
        // epoch's attempt first, and only then did caller 2's attempt reach the initialization (seen on the real thread pool).
        var history = new HistoryBuilder(callers: 2)
            .Get(2)
            .Reset(1)
            .ResetDone(1)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
    }

    [Test]
    public void Check_OverlappingAttemptsWhoseGetsBothStartedAfterTheReset_IsViolation()
    {
        var history = new HistoryBuilder(callers: 2)
            .Reset(1)
            .ResetDone(1)
            .Get(2)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason, Is.EqualTo("attempt 2 started while attempt 1 was still running in epoch 1."));
    }

    [Test]
    public void Check_SecondSuccessAfterEarlierGetAndNoReset_IsViolation()
    {
        var history = new HistoryBuilder(callers: 2)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(1)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .Returns(1, instance: 2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason, Does.Contain("2 initializations succeeded: attempts 1, 2"));
    }

    [Test]
    public void Check_SecondSuccessWithoutReset_IsViolation()
    {
        var history = new HistoryBuilder(callers: 2)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason, Does.Contain("2 initializations succeeded: attempts 1, 2"));
    }

    [Test]
    public void Check_SecondSuccessAfterResetEnded_Holds()
    {
        var history = new HistoryBuilder(callers: 2)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Reset(2)
            .ResetDone(2)
            .AttemptStarts(2, instance: 2, caller: 1)
            .AttemptSucceeds(2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
    }

    [Test]
    public void Check_OverlappingAttemptsAfterResetEnded_IsViolationInThatEpoch()
    {
        var history = new HistoryBuilder(callers: 2)
            .Reset(2)
            .ResetDone(2)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptStarts(2, instance: 2, caller: 2)
            .AttemptSucceeds(1)
            .AttemptSucceeds(2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason, Is.EqualTo("attempt 2 started while attempt 1 was still running in epoch 1."));
    }
}
