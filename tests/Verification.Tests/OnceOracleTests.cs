using Verification.Specs;
using Verification.Specs.Oracles;

namespace Verification.Tests;

/// <summary>ONCE on hand-written histories, around the epoch boundary a reset draws.</summary>
public sealed class OnceOracleTests
{
    private static readonly DeclaredContract Contract = new(FailurePolicy.Retry, CancellationPolicy.None, SupportsReset: true);

    [Test]
    public void Check_SecondSuccessStartedWhileResetRan_Holds()
    {
        // The reset took effect before attempt 2 started, but its end was recorded after: attempt 2 may be the new epoch's.
        var history = Build(
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptSucceeded, 1, 1, null),
            (EventKind.ResetStarted, 2, null, null),
            (EventKind.AttemptStarted, 1, 2, 2),
            (EventKind.AttemptSucceeded, 1, 2, null),
            (EventKind.ResetEnded, 2, null, null));

        Assert.That(new OnceOracle().Check(history, Contract), Is.Null);
    }

    [Test]
    public void Check_AttemptCommittedBeforeResetButStartedAfterIt_MayBelongToEitherEpoch()
    {
        // Caller 1's get committed to attempt 1, a whole reset ran, then the attempt reached the initialization.
        var history = Build(
            (EventKind.GetStarted, 1, null, null),
            (EventKind.ResetStarted, 2, null, null),
            (EventKind.ResetEnded, 2, null, null),
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptSucceeded, 1, 1, null),
            (EventKind.GetReturned, 1, null, 1),
            (EventKind.GetStarted, 1, null, null),
            (EventKind.AttemptStarted, 1, 2, 2),
            (EventKind.AttemptSucceeded, 1, 2, null),
            (EventKind.GetReturned, 1, null, 2));

        Assert.That(new OnceOracle().Check(history, Contract), Is.Null);
    }

    [Test]
    public void Check_LaterAttemptCommittedBeforeTheResetThatPrecededTheEarlier_MayBelongToTheOldEpoch()
    {
        // Caller 2's get began before the reset and committed to an old-epoch attempt; caller 1 reset and started the new
        // epoch's attempt first, and only then did caller 2's attempt reach the initialization (seen on the real thread pool).
        var history = Build(
            (EventKind.GetStarted, 2, null, null),
            (EventKind.ResetStarted, 1, null, null),
            (EventKind.ResetEnded, 1, null, null),
            (EventKind.GetStarted, 1, null, null),
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptStarted, 2, 2, 2),
            (EventKind.AttemptSucceeded, 2, 2, null),
            (EventKind.GetReturned, 2, null, 2));

        Assert.That(new OnceOracle().Check(history, Contract), Is.Null);
    }

    [Test]
    public void Check_OverlappingAttemptsWhoseGetsBothStartedAfterTheReset_IsViolation()
    {
        var history = Build(
            (EventKind.ResetStarted, 1, null, null),
            (EventKind.ResetEnded, 1, null, null),
            (EventKind.GetStarted, 2, null, null),
            (EventKind.GetStarted, 1, null, null),
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptStarted, 2, 2, 2),
            (EventKind.AttemptSucceeded, 2, 2, null),
            (EventKind.GetReturned, 2, null, 2));

        Assert.That(new OnceOracle().Check(history, Contract)?.Reason, Is.EqualTo("attempt 2 started while attempt 1 was still running in epoch 1."));
    }

    [Test]
    public void Check_SecondSuccessAfterEarlierGetAndNoReset_IsViolation()
    {
        var history = Build(
            (EventKind.GetStarted, 1, null, null),
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptSucceeded, 1, 1, null),
            (EventKind.GetReturned, 1, null, 1),
            (EventKind.GetStarted, 1, null, null),
            (EventKind.AttemptStarted, 1, 2, 2),
            (EventKind.AttemptSucceeded, 1, 2, null),
            (EventKind.GetReturned, 1, null, 2));

        Assert.That(new OnceOracle().Check(history, Contract)?.Reason, Does.Contain("2 initializations succeeded: attempts 1, 2"));
    }

    [Test]
    public void Check_SecondSuccessWithoutReset_IsViolation()
    {
        var history = Build(
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptSucceeded, 1, 1, null),
            (EventKind.AttemptStarted, 2, 2, 2),
            (EventKind.AttemptSucceeded, 2, 2, null));

        Assert.That(new OnceOracle().Check(history, Contract)?.Reason, Does.Contain("2 initializations succeeded: attempts 1, 2"));
    }

    [Test]
    public void Check_SecondSuccessAfterResetEnded_Holds()
    {
        var history = Build(
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptSucceeded, 1, 1, null),
            (EventKind.ResetStarted, 2, null, null),
            (EventKind.ResetEnded, 2, null, null),
            (EventKind.AttemptStarted, 1, 2, 2),
            (EventKind.AttemptSucceeded, 1, 2, null));

        Assert.That(new OnceOracle().Check(history, Contract), Is.Null);
    }

    [Test]
    public void Check_OverlappingAttemptsAfterResetEnded_IsViolationInThatEpoch()
    {
        var history = Build(
            (EventKind.ResetStarted, 2, null, null),
            (EventKind.ResetEnded, 2, null, null),
            (EventKind.AttemptStarted, 1, 1, 1),
            (EventKind.AttemptStarted, 2, 2, 2),
            (EventKind.AttemptSucceeded, 1, 1, null),
            (EventKind.AttemptSucceeded, 2, 2, null));

        Assert.That(new OnceOracle().Check(history, Contract)?.Reason, Is.EqualTo("attempt 2 started while attempt 1 was still running in epoch 1."));
    }

    private static History Build(params (EventKind Kind, int Caller, int? Attempt, int? Instance)[] events) =>
        new(events.Select((e, i) => new HistoryEvent(i + 1, e.Kind, e.Caller, e.Attempt, e.Instance)), callerCount: 2);
}
