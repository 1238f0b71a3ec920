namespace Verification.Specs.Oracles;

/// <summary>ONCE: at most one attempt succeeds per epoch, and an attempt never starts while another of its epoch is running.</summary>
/// <remarks>
/// A reset takes effect at some point between its start and its end, so an attempt that starts while a reset is running may
/// already belong to the new epoch. Two attempts are therefore held to one epoch only when no reset was running at or
/// between their starts; the same reading <see cref="SameOracle"/> gives gets that overlap a reset.
/// </remarks>
public sealed class OnceOracle : IOracle
{
    public Property Property => Property.Once;

    public Violation? Check(History history, DeclaredContract contract)
    {
        var attempts = history.Attempts.OrderBy(a => a.Start).ToList();
        for (var i = 0; i < attempts.Count; i++)
        {
            var sameEpoch = attempts.Take(i).Where(earlier => !history.ResetOverlaps(earlier.Start, attempts[i].Start)).ToList();
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

    internal static string EpochText(int epoch) => epoch == 0 ? string.Empty : $" in epoch {epoch}";
}
