using Verification.Specs;
using Verification.Specs.Oracles;
using Verification.Tests.Kit;

namespace Verification.Tests.Oracles;

/// <summary>LIVE: no deadlock, no hang, no lock left held: by the end of the run every call has completed.</summary>
public sealed class LiveOracleTests
{
    private static readonly LiveOracle Oracle = new();

    [Test]
    public void Check_EveryGetAndResetEnded_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(2)
            .ResetDone(2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_GetThatNeverEnded_ViolatesLive()
    {
        // Caller 1 returned but left the lock held, say: caller 2 waits forever.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("caller 2 never completed."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("LIVE"));
        });
    }

    [Test]
    public void Check_ResetThatNeverEnded_ViolatesLive()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason, Is.EqualTo("caller 2 never completed."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.EqualTo("LIVE"));
        });
    }

    [Test]
    public void Check_SeveralStuckCallers_NamesEachOnce()
    {
        var history = new HistoryBuilder()
            .Get(2)
            .AttemptStarts(1, instance: 1, caller: 2)
            .Get(1)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("callers 1, 2 never completed."));
    }

    [Test]
    public void Judge_PartialHistoryAsADeadlockLeavesIt_ReportsOnlyLive()
    {
        // Pending gets, a pending cancelled get, a pending attempt and a pending reset: every oracle must cope.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .TokenCancelled(2)
            .Reset(3)
            .Build();

        Assert.That(history.ViolatedUnder(Contracts.CacheAbandonResettable), Is.EqualTo("LIVE"));
    }
}
