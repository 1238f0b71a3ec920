namespace Verification.Specs.Oracles;

/// <summary>
/// CANCEL: only a caller whose token was cancelled may end with OperationCanceledException (and under policy none, not even
/// it); a shared attempt is cancelled only under caller-abandon, and only once no caller that still wants it is waiting;
/// under caller-abandon an attempt whose waiters all cancelled does not hang on.
/// </summary>
/// <remarks>
/// Which gets wait on an attempt is not observable (a get in progress may not have reached the implementation yet), so a
/// cancelled attempt is judged by the one get known to wait on it, the call that started it (<see cref="History.StarterOf"/>).
/// </remarks>
public sealed class CancelOracle : IOracle
{
    public Property Property => Property.Cancel;

    public Violation? Check(History history, DeclaredContract contract)
    {
        var wronglyCanceled = history.Gets.FirstOrDefault(g => g.Outcome == CallOutcome.Canceled && !g.WasCanceled);
        if (wronglyCanceled is not null)
        {
            return new Violation(Property, $"caller {wronglyCanceled.Caller} ended with {wronglyCanceled.Detail} although its own token was never cancelled.");
        }

        if (contract.Cancellation == CancellationPolicy.None)
        {
            var honoured = history.Gets.FirstOrDefault(g => g.Outcome == CallOutcome.Canceled);
            if (honoured is not null)
            {
                return new Violation(Property, $"cancellation policy none is declared, but caller {honoured.Caller} ended with {honoured.Detail}.");
            }
        }

        foreach (var attempt in history.Attempts.Where(a => a.Outcome == AttemptOutcome.Canceled))
        {
            var canceledAt = attempt.End!.Value;
            if (contract.Cancellation != CancellationPolicy.CallerAbandon)
            {
                return new Violation(Property, $"attempt {attempt.Number} (the shared initialization) was cancelled, which cancellation policy {CancellationIds.Id(contract.Cancellation)} does not allow.");
            }

            var starter = history.StarterOf(attempt);
            if (starter is not null && starter.InProgressAt(canceledAt) && !(starter.CancelRequestedAt < canceledAt))
            {
                return new Violation(Property, $"attempt {attempt.Number} was cancelled while caller {starter.Caller}, whose call started it and whose token was not cancelled, still waited.");
            }
        }

        if (contract.Cancellation == CancellationPolicy.CallerAbandon)
        {
            foreach (var attempt in history.Attempts.Where(a => a.Outcome == AttemptOutcome.Released))
            {
                var releasedAt = attempt.End!.Value;
                var waiters = history.Gets.Where(g => g.Start < releasedAt && g.End > attempt.Start).ToList();
                if (waiters.Count > 0 && waiters.All(g => g.CancelRequestedAt < releasedAt) && !history.Gets.Any(g => g.InProgressAt(releasedAt) && !g.WasCanceled))
                {
                    return new Violation(Property, $"caller-abandon is declared, but attempt {attempt.Number} kept running after every caller waiting for it had cancelled.");
                }
            }
        }

        return null;
    }
}
