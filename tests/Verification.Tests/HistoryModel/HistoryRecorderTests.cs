using Verification.Specs;

namespace Verification.Tests.HistoryModel;

/// <summary>The recorder numbers what it sees and knows objects by reference, never by equality.</summary>
public sealed class HistoryRecorderTests
{
    [Test]
    public void GetThrew_TheExceptionObjectAnAttemptThrew_NamesThatAttempt()
    {
        var recorder = new HistoryRecorder(callerCount: 1);
        var attempt = recorder.StartAttempt(new object(), caller: 1);
        var thrown = new InvalidOperationException("Attempt 1 failed.");
        recorder.AttemptFailed(attempt, caller: 1, thrown);

        recorder.GetThrew(1, thrown);

        Assert.That(recorder.ToHistory().Events[^1], Has.Property(nameof(HistoryEvent.Kind)).EqualTo(EventKind.GetThrew).And.Property(nameof(HistoryEvent.Attempt)).EqualTo(1));
    }

    [Test]
    public void GetThrew_AnEqualCopyOfTheAttemptsException_NamesNoAttempt()
    {
        var recorder = new HistoryRecorder(callerCount: 1);
        var attempt = recorder.StartAttempt(new object(), caller: 1);
        recorder.AttemptFailed(attempt, caller: 1, new InvalidOperationException("Attempt 1 failed."));

        recorder.GetThrew(1, new InvalidOperationException("Attempt 1 failed."));

        Assert.That(recorder.ToHistory().Events[^1], Has.Property(nameof(HistoryEvent.Kind)).EqualTo(EventKind.GetThrew).And.Property(nameof(HistoryEvent.Attempt)).Null);
    }

    [Test]
    public void GetThrew_TheAttemptsExceptionWrapped_NamesNoAttempt()
    {
        var recorder = new HistoryRecorder(callerCount: 1);
        var attempt = recorder.StartAttempt(new object(), caller: 1);
        var thrown = new InvalidOperationException("Attempt 1 failed.");
        recorder.AttemptFailed(attempt, caller: 1, thrown);

        recorder.GetThrew(1, new AggregateException(thrown));

        Assert.That(recorder.ToHistory().Events[^1].Attempt, Is.Null);
    }

    [Test]
    public void GetThrew_TheAttemptsOwnCancellation_RecordsACancelledGet()
    {
        var recorder = new HistoryRecorder(callerCount: 1);
        var attempt = recorder.StartAttempt(new object(), caller: 1);
        var canceled = new OperationCanceledException();
        recorder.AttemptFailed(attempt, caller: 1, canceled, EventKind.AttemptCanceled);

        recorder.GetThrew(1, canceled);

        Assert.That(recorder.ToHistory().Events[^1], Has.Property(nameof(HistoryEvent.Kind)).EqualTo(EventKind.GetCanceled).And.Property(nameof(HistoryEvent.Attempt)).Null);
    }

    [Test]
    public void GetReturned_EqualButDistinctObjects_AreDifferentInstances()
    {
        var recorder = new HistoryRecorder(callerCount: 2);
        var initialized = new Token("connection");
        recorder.StartAttempt(initialized, caller: 1);

        recorder.GetReturned(1, initialized);
        recorder.GetReturned(2, new Token("connection"));

        var instances = recorder.ToHistory().Events.Where(e => e.Kind == EventKind.GetReturned).Select(e => e.Instance);
        Assert.That(instances, Is.EqualTo(new int?[] { 1, 2 }));
    }

    [Test]
    public void StartAttempt_NumbersAttemptsInTheOrderTheyStart()
    {
        var recorder = new HistoryRecorder(callerCount: 2);

        var first = recorder.StartAttempt(new object(), caller: 2);
        var second = recorder.StartAttempt(new object(), caller: 1);

        Assert.That((first, second), Is.EqualTo((1, 2)));
    }

    [Test]
    public void ToHistory_ACallerReceivingTheAttemptsException_IsAGetThatThrewThatAttemptsException()
    {
        var recorder = new HistoryRecorder(callerCount: 1);
        recorder.Add(EventKind.GetStarted, caller: 1);
        var attempt = recorder.StartAttempt(new object(), caller: 1);
        var thrown = new InvalidOperationException("Attempt 1 failed.");
        recorder.AttemptFailed(attempt, caller: 1, thrown);
        recorder.GetThrew(1, thrown);

        var get = recorder.ToHistory().Gets.Single();

        Assert.That(get, Has.Property(nameof(GetCall.Outcome)).EqualTo(CallOutcome.Threw).And.Property(nameof(GetCall.ExceptionAttempt)).EqualTo(1));
    }

    /// <summary>Value equality, so that only reference identity tells two of them apart.</summary>
    private sealed record Token(string Name);

    [Test]
    public void Seal_EventsRecordedAfterIt_AreNotInTheHistory()
    {
        var recorder = new HistoryRecorder(callerCount: 2);
        recorder.Add(EventKind.GetStarted, 1);
        recorder.Add(EventKind.GetStarted, 2);

        recorder.Seal();
        recorder.StartAttempt(new object(), caller: 2);
        recorder.GetThrew(1, new ThreadInterruptedException());

        Assert.Multiple(() =>
        {
            Assert.That(recorder.IsSealed);
            Assert.That(recorder.ToHistory().Events.Select(e => e.Kind), Is.EqualTo(new[] { EventKind.GetStarted, EventKind.GetStarted }));
        });
    }

    [Test]
    public void GetThrew_RecordsWhereTheExceptionAndTheOneInsideItWereThrown()
    {
        var recorder = new HistoryRecorder(callerCount: 1);
        recorder.Add(EventKind.GetStarted, 1);

        recorder.GetThrew(1, CaughtFrom(ThrowsWrapped));

        Assert.That(
            recorder.ToHistory().Events[^1].Thrown.Select(o => o.ToString()),
            Is.EqualTo(new[]
            {
                $"System.InvalidOperationException thrown by {typeof(HistoryRecorderTests).FullName}.{nameof(ThrowsWrapped)}",
                $"System.TimeoutException thrown by {typeof(HistoryRecorderTests).FullName}.{nameof(ThrowsInside)}",
            }));
    }

    private static Exception CaughtFrom(Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // The test wants whatever was thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }

        throw new AssertionException("nothing was thrown");
    }

    private static void ThrowsWrapped()
    {
        try
        {
            ThrowsInside();
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException("wrapped", e);
        }
    }

    private static void ThrowsInside() => throw new TimeoutException("inside");
}
