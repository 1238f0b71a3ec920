using Verification.Specs;
using Verification.Specs.Oracles;
using Verification.Tests.Kit;

namespace Verification.Tests.Oracles;

/// <summary>SAME: every caller in an epoch receives the one instance that epoch's initialization produced.</summary>
public sealed class SameOracleTests
{
    private static readonly SameOracle Oracle = new();

    [Test]
    public void Check_EveryCallerReceivesTheOneInstance_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .Get(2)
            .AttemptStarts(1, instance: 1, caller: 2)
            .AttemptSucceeds(1)
            .Returns(2, instance: 1)
            .Returns(1, instance: 1)
            .Get(3)
            .Returns(3, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.Empty);
        });
    }

    [Test]
    public void Check_CallerReceivesNull_ViolatesSame()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .ReturnsNull(1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("caller 1 received null instead of the instance."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("SAME"));
        });
    }

    [Test]
    public void Check_CallerReceivesAnInstanceNoInitializationProduced_ViolatesSame()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("caller 1 received instance #2, which no successful initialization produced."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("SAME, PUBLISHED"));
        });
    }

    [Test]
    public void Check_EachEpochHandsOutItsOwnInstance_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(2)
            .ResetDone(2)
            .Get(1)
            .AttemptStarts(2, instance: 2, caller: 1)
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
    public void Check_GetOverlappingAResetReceivesTheNewInstance_Holds()
    {
        // Caller 2's get started before the reset ended, so it may belong to either epoch; SAME does not judge it.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(3)
            .Get(2)
            .AttemptStarts(2, instance: 2, caller: 2)
            .ResetDone(3)
            .AttemptSucceeds(2)
            .Returns(2, instance: 2)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
    }

    [Test]
    public void Check_ResetRaceLetsTwoInstancesOutInOneEpoch_ViolatesSame()
    {
        // Attempt 1 started while the reset ran, so it may be the new epoch's; attempt 2 is certainly the new epoch's.
        // Callers 3 and 4 both call in epoch 1, after the reset, and receive different instances.
        var history = new HistoryBuilder()
            .Reset(1)
            .Get(2)
            .AttemptStarts(1, instance: 1, caller: 2)
            .ResetDone(1)
            .AttemptSucceeds(1)
            .Returns(2, instance: 1)
            .Get(3)
            .Returns(3, instance: 1)
            .Get(4)
            .AttemptStarts(2, instance: 2, caller: 4)
            .AttemptSucceeds(2)
            .Returns(4, instance: 2)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason, Is.EqualTo("caller 3 received instance #1 but caller 4 received instance #2 in epoch 1."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.EqualTo("SAME"));
        });
    }
}
