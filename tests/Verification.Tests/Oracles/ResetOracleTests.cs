using Verification.Specs;
using Verification.Specs.Oracles;
using Verification.Tests.Kit;

namespace Verification.Tests.Oracles;

/// <summary>RESET: after a reset completes, the next call gets a new initialization and the old instance is never handed out.</summary>
public sealed class ResetOracleTests
{
    private static readonly ResetOracle Oracle = new();

    [Test]
    public void Check_GetAfterTheResetReceivesANewInstance_Holds()
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
    public void Check_GetAfterTheResetReceivesTheOldInstance_ViolatesReset()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(2)
            .ResetDone(2)
            .Get(1)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(
                Oracle.Check(history, Contracts.RetryNoneResettable)?.Reason,
                Is.EqualTo("caller 1 received instance #1 from attempt 1, which started before caller 2's reset; the reset had completed before caller 1 called."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.EqualTo("RESET"));
        });
    }

    [Test]
    public void Check_GetOverlappingTheResetReceivesTheOldInstance_Holds()
    {
        // Caller 1's second get started before the reset ended: it may be served before the reset took effect.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Get(1)
            .Reset(2)
            .ResetDone(2)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_InstanceFromAnAttemptStartedDuringTheReset_Holds()
    {
        var history = new HistoryBuilder()
            .Reset(1)
            .Get(2)
            .AttemptStarts(1, instance: 1, caller: 2)
            .ResetDone(1)
            .AttemptSucceeds(1)
            .Returns(2, instance: 1)
            .Get(3)
            .Returns(3, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable), Is.Null);
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.Empty);
        });
    }

    [Test]
    public void Check_OldInstanceInitializedAgainAfterTheReset_ViolatesReset()
    {
        // Identity is by reference: initializing the same object again does not make it a new instance.
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Reset(2)
            .ResetDone(2)
            .Get(1)
            .AttemptStarts(2, instance: 1, caller: 1)
            .AttemptSucceeds(2)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNoneResettable)?.Property, Is.EqualTo(Property.Reset));
            Assert.That(history.ViolatedUnder(Contracts.RetryNoneResettable), Is.EqualTo("RESET"));
        });
    }
}
