namespace Verification.Specs.Oracles;

/// <summary>
/// ONCE: at most one attempt succeeds per epoch, an attempt never starts while another of its epoch is running, and none
/// starts after one of its epoch has succeeded.
/// </summary>
/// <remarks>
/// A reset takes effect at some point between its start and its end, and an implementation commits to an attempt at some
/// point between the start of the get that starts it (or of an earlier get of that caller that was cancelled, which may
/// have set it up and left) and the attempt's start (it may decide, be interrupted, then call the initialization). Either attempt may have been committed to first: the one recorded later may belong to a get that
/// started before the reset and was merely slower to reach the initialization. So two attempts are held to one epoch only
/// when no reset ran at any point from the earlier of the two commitments to the start of the later attempt; otherwise they
/// are never compared. This is the reading <see cref="SameOracle"/> gives gets that overlap a reset.
/// </remarks>
public sealed class OnceOracle : IOracle
{
    public Property Property => Property.Once;

    public Violation? Check(History history, DeclaredContract contract)
    {
        var attempts = history.Attempts.OrderBy(a => a.Start).ToList();
        for (var i = 0; i < attempts.Count; i++)
        {
            var later = attempts[i];
            var overlapped = attempts.Take(i).FirstOrDefault(earlier => SameEpoch(history, earlier, later) && (earlier.End is null || earlier.End > later.Start));
            if (overlapped is not null)
            {
                return new Violation(Property, $"attempt {later.Number} started while attempt {overlapped.Number} was still running{EpochText(history.EpochAt(later.Start))}.");
            }
        }

        var succeeded = attempts.Where(a => a.Outcome == AttemptOutcome.Succeeded).ToList();
        foreach (var first in succeeded)
        {
            var successes = succeeded.Where(a => a.Start >= first.Start && SameEpoch(history, first, a)).ToList();
            if (successes.Count > 1)
            {
                return new Violation(Property, $"{successes.Count} initializations succeeded{EpochText(history.EpochAt(first.Start))}: attempts {string.Join(", ", successes.Select(a => a.Number))}.");
            }
        }

        foreach (var success in succeeded)
        {
            var again = attempts.FirstOrDefault(a => a.Start > success.End && SameEpoch(history, success, a));
            if (again is not null)
            {
                return new Violation(Property, $"attempt {again.Number} started after attempt {success.Number} had succeeded{EpochText(history.EpochAt(again.Start))}.");
            }
        }

        return null;
    }

    internal static string EpochText(int epoch) => epoch == 0 ? string.Empty : $" in epoch {epoch}";

    /// <summary>True if no reset ran (started, ended, or was running) from the earlier commitment to either attempt to the start of the later.</summary>
    private static bool SameEpoch(History history, AttemptRun earlier, AttemptRun later) =>
        !history.ResetOverlaps(Math.Min(history.EarliestCommitmentTo(earlier), history.EarliestCommitmentTo(later)), later.Start);
}
