namespace Verification.Specs.Oracles;

/// <summary>ONCE: at most one attempt succeeds per epoch, and an attempt never starts while another of its epoch is running.</summary>
/// <remarks>
/// A reset takes effect at some point between its start and its end, and an implementation commits to an attempt at some
/// point between the start of the get that starts it and the attempt's start (it may decide, then be interrupted, then
/// call the initialization). So an attempt belongs to an epoch only as precisely as those intervals allow: two attempts
/// are held to one epoch only when no reset ran at any point from the start of the earlier one's get to the start of the
/// later attempt. This is the reading <see cref="SameOracle"/> gives gets that overlap a reset.
/// </remarks>
public sealed class OnceOracle : IOracle
{
    public Property Property => Property.Once;

    public Violation? Check(History history, DeclaredContract contract)
    {
        var attempts = history.Attempts.OrderBy(a => a.Start).ToList();
        for (var i = 0; i < attempts.Count; i++)
        {
            var sameEpoch = attempts.Take(i).Where(earlier => !history.ResetOverlaps(CommittedFrom(history, earlier), attempts[i].Start)).ToList();
            var overlapped = sameEpoch.FirstOrDefault(earlier => earlier.End is null || earlier.End > attempts[i].Start);
            if (overlapped is not null)
            {
                return new Violation(Property, $"attempt {attempts[i].Number} started while attempt {overlapped.Number} was still running{EpochText(history.EpochAt(attempts[i].Start))}.");
            }

            var succeeded = sameEpoch.FirstOrDefault(earlier => earlier.Outcome == AttemptOutcome.Succeeded);
            if (succeeded is not null && attempts[i].Outcome == AttemptOutcome.Succeeded)
            {
                var successes = sameEpoch.Where(a => a.Outcome == AttemptOutcome.Succeeded).Append(attempts[i]).Select(a => a.Number);
                return new Violation(Property, $"{successes.Count()} initializations succeeded{EpochText(history.EpochAt(attempts[i].Start))}: attempts {string.Join(", ", successes)}.");
            }
        }

        return null;
    }

    /// <summary>The earliest point the implementation may have committed to <paramref name="attempt"/>: the start of the get that started it.</summary>
    private static int CommittedFrom(History history, AttemptRun attempt) =>
        history.Gets.FirstOrDefault(g => g.Caller == attempt.Caller && g.InProgressAt(attempt.Start))?.Start ?? attempt.Start;

    internal static string EpochText(int epoch) => epoch == 0 ? string.Empty : $" in epoch {epoch}";
}
