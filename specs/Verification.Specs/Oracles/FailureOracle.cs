namespace Verification.Specs.Oracles;

/// <summary>
/// FAILURE: a failed attempt's exception object reaches the callers (never swallowed, replaced or turned into null), and later
/// calls see the declared policy: under retry a new attempt, under cache the same exception and no new attempt.
/// </summary>
/// <remarks>
/// Which gets wait on an attempt is not observable (a get in progress may not have reached the implementation yet), so a
/// failure counts as swallowed only when the one get known to wait on it, the call that started it
/// (<see cref="History.StarterOf"/>), still waited uncancelled when it failed and no caller at all received the exception.
/// </remarks>
public sealed class FailureOracle : IOracle
{
    public Property Property => Property.Failure;

    public Violation? Check(History history, DeclaredContract contract) =>
        ForeignExceptions(history) ?? Swallowed(history) ?? PolicyBroken(history, contract);

    private Violation? ForeignExceptions(History history)
    {
        var replaced = history.Gets.FirstOrDefault(g => g.Outcome == CallOutcome.Threw && g.ExceptionAttempt is null);
        return replaced is null
            ? null
            : new Violation(Property, $"caller {replaced.Caller} ended with {replaced.Detail}, which is not the exception any attempt threw (replaced, wrapped or invented).");
    }

    private Violation? Swallowed(History history)
    {
        foreach (var attempt in history.Attempts.Where(a => a.Outcome == AttemptOutcome.Failed))
        {
            var failedAt = attempt.End!.Value;
            if (history.Gets.Any(g => g.ExceptionAttempt == attempt.Number))
            {
                continue;
            }

            var waiter = history.StarterOf(attempt);
            if (waiter is { End: not null, WasCanceled: false } && waiter.InProgressAt(failedAt))
            {
                var ending = waiter.Outcome == CallOutcome.Returned
                    ? (waiter.Instance is int i ? $"received instance #{i}" : "received null")
                    : $"ended with {waiter.Detail}";
                return new Violation(Property, $"attempt {attempt.Number} failed while caller {waiter.Caller} waited, and no caller received its exception (caller {waiter.Caller} {ending}): the failure was swallowed.");
            }
        }

        return null;
    }

    private Violation? PolicyBroken(History history, DeclaredContract contract)
    {
        foreach (var observed in history.Gets.Where(g => g.ExceptionAttempt is not null).OrderBy(g => g.End))
        {
            var attempt = observed.ExceptionAttempt!.Value;
            var epoch = history.EpochAt(observed.Start);
            var later = history.Gets
                .Where(g => g.Start > observed.End && g.End is not null && !g.WasCanceled)
                .Where(g => history.EpochAt(g.Start) == epoch && !history.ResetOverlaps(observed.End!.Value, g.End))
                .ToList();
            if (contract.Failure == FailurePolicy.Retry)
            {
                var cached = later.FirstOrDefault(g => g.ExceptionAttempt == attempt);
                if (cached is not null)
                {
                    return new Violation(Property, $"retry is declared, but caller {cached.Caller} called after caller {observed.Caller} had received attempt {attempt}'s exception and got that same failure instead of a new attempt.");
                }
            }
            else
            {
                var differs = later.FirstOrDefault(g => g.ExceptionAttempt != attempt);
                if (differs is not null)
                {
                    return new Violation(Property, $"cache is declared, but caller {differs.Caller} called after caller {observed.Caller} had received attempt {attempt}'s exception and did not get that same exception.");
                }

                // An attempt that starts while a reset runs may be the new epoch's, as a later get that overlaps a reset may be.
                var retried = history.Attempts.FirstOrDefault(a =>
                    a.Start > observed.End && history.EpochAt(a.Start) == epoch && !history.ResetOverlaps(observed.End!.Value, a.Start));
                if (retried is not null)
                {
                    return new Violation(Property, $"cache is declared, but attempt {retried.Number} started after caller {observed.Caller} had received attempt {attempt}'s exception.");
                }
            }
        }

        return null;
    }
}
