using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The one rule for exceptions in a history that are the engine's, not the implementation's: every engine path asks it of
/// each history before judging one, and a history it names is not judged (its run is inconclusive, with this cause).
/// </summary>
/// <remarks>
/// Two kinds, both seen on real libraries under Coyote 1.7.11:
/// <list type="bullet">
/// <item>An exception thrown by Coyote's own code (its models of the framework, its runtime), for example the
/// <c>SynchronizationLockException</c> its model of <c>Monitor.IsEntered</c> throws where the real method returns false.
/// The throwing frame, the innermost of the exception's stack trace (or of one wrapped inside it), says so. A cancelled
/// caller's <c>OperationCanceledException</c> is exempt: a model that honours a cancelled token does what the real API does.</item>
/// <item>Under Coyote only, a <c>TimeoutException</c> when no attempt scripted to hang had started: under the scheduler a
/// finite delay or timeout elapses whenever the scheduler chooses (the harness's model of <c>Task.Delay</c>; Coyote's own
/// ended any delay after a few steps), so a library that races its work against a long timeout can time out where on real
/// threads nothing is slow enough. On real threads (the stress engine) a timeout is real behaviour and is judged.</item>
/// </list>
/// </remarks>
public static class EngineArtefacts
{
    private const string CoyotePrefix = "Microsoft.Coyote";

    /// <summary>
    /// Why <paramref name="history"/> shows the engine rather than the implementation, or null if it does not.
    /// </summary>
    /// <param name="history">One run's history.</param>
    /// <param name="scenario">The scenario it ran, whose scripts say which attempts hang.</param>
    /// <param name="underCoyote">True if Coyote scheduled the run (its models replaced the framework's).</param>
    public static string? Find(History history, Scenario scenario, bool underCoyote)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var e in history.Events.Where(e => !e.Thrown.IsDefaultOrEmpty))
        {
            if (e.Kind == EventKind.GetCanceled && CancelledBefore(history, e))
            {
                continue;
            }

            if (e.Thrown.FirstOrDefault(o => o.ThrownBy?.StartsWith(CoyotePrefix, StringComparison.Ordinal) == true) is { } coyote)
            {
                return $"{Who(e)} got {coyote.Type} thrown by Coyote's own code ({coyote.ThrownBy}), not by the implementation: " +
                    "a defect of Coyote's model of that API, so no property is judged on that run. Judge the implementation with the stress engine (real threads).";
            }

            if (underCoyote && e.Thrown.Any(o => o.Type == typeof(TimeoutException).FullName) && !HangingAttemptStartedBefore(history, scenario, e.Sequence))
            {
                return $"{Who(e)} got a TimeoutException that no scripted attempt produced (no attempt scripted to hang had started): " +
                    "under the scheduler a finite delay or timeout, however long, may elapse before any other operation, so a timeout raced against the work can fire where on real threads nothing is that slow. " +
                    "Judge the implementation with the stress engine (real threads).";
            }
        }

        return null;
    }

    private static string Who(HistoryEvent e) =>
        e.Kind is EventKind.GetThrew or EventKind.GetCanceled ? $"caller {e.Caller}'s get" : $"attempt {e.Attempt}";

    private static bool CancelledBefore(History history, HistoryEvent end) =>
        history.Gets.Any(g => g.Caller == end.Caller && g.End == end.Sequence && g.WasCanceled);

    private static bool HangingAttemptStartedBefore(History history, Scenario scenario, int sequence) =>
        history.Attempts.Any(a => a.Start < sequence && scenario.ScriptFor(a.Number).Behavior == AttemptBehavior.Hang);
}
