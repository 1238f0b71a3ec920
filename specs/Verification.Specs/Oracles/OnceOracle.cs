namespace Verification.Specs.Oracles;

/// <summary>
/// ONCE: at most one attempt succeeds per epoch, an attempt never starts while another of its epoch is running, and none
/// starts after one of its epoch has succeeded.
/// </summary>
/// <remarks>
/// Two attempts are of one epoch when no reset ran between their starts. A reset takes effect somewhere between its start
/// and its end, so an attempt that starts while a reset runs may belong to either epoch; it is never compared with the
/// attempts on the other side of that reset.
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

    /// <summary>True if no reset ran (started, ended, or was running) between the starts of the two attempts.</summary>
    private static bool SameEpoch(History history, AttemptRun earlier, AttemptRun later) => !history.ResetOverlaps(earlier.Start, later.Start);
}
