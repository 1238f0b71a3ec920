using Verification.Specs;
using Verification.Specs.Oracles;
using Verification.Tests.Kit;

namespace Verification.Tests.Oracles;

/// <summary>PUBLISHED: no caller receives an instance before its initialization completed.</summary>
public sealed class PublishedOracleTests
{
    private static readonly PublishedOracle Oracle = new();

    [Test]
    public void Check_InstanceReturnedAfterItsAttemptSucceeded_Holds()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
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
    public void Check_InstanceReturnedBeforeItsAttemptSucceeded_ViolatesPublished()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Get(2)
            .Returns(2, instance: 1)
            .AttemptSucceeds(1)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("caller 2 received instance #1 while attempt 1 initializing it had not finished."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("PUBLISHED"));
        });
    }

    [Test]
    public void Check_InstanceReturnedWhileItsAttemptNeverEnded_ViolatesPublished()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("caller 1 received instance #1 while attempt 1 initializing it had not finished."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("SAME, PUBLISHED"));
        });
    }

    [Test]
    public void Check_InstanceWhoseAttemptFailed_ViolatesPublished()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: 1)
            .AttemptFails(1)
            .Returns(1, instance: 1)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("caller 1 received instance #1 while attempt 1 initializing it had not succeeded."));
            Assert.That(history.ViolatedUnder(Contracts.RetryNone), Is.EqualTo("SAME, PUBLISHED, FAILURE"));
        });
    }

    [Test]
    public void Check_InstanceNeverInitialized_ViolatesPublished()
    {
        var history = new HistoryBuilder()
            .Get(1)
            .Returns(1, instance: 1)
            .Build();

        Assert.That(Oracle.Check(history, Contracts.RetryNone)?.Reason, Is.EqualTo("caller 1 received instance #1 whose initialization never started."));
    }
}
