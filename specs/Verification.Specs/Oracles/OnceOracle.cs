namespace Verification.Specs.Oracles;

/// <summary>ONCE: at most one attempt succeeds per epoch, and an attempt never starts while another of its epoch is running.</summary>
public sealed class OnceOracle : IOracle
{
    public Property Property => Property.Once;

    public Violation? Check(History history, DeclaredContract contract)
    {
        foreach (var epoch in history.Attempts.GroupBy(a => history.EpochAt(a.Start)))
        {
            var attempts = epoch.OrderBy(a => a.Start).ToList();
            for (var i = 0; i < attempts.Count; i++)
            {
                var overlapped = attempts.Take(i).FirstOrDefault(earlier => earlier.End is null || earlier.End > attempts[i].Start);
                if (overlapped is not null)
                {
                    return new Violation(Property, $"attempt {attempts[i].Number} started while attempt {overlapped.Number} was still running{EpochText(epoch.Key)}.");
                }
            }

            var successes = attempts.Where(a => a.Outcome == AttemptOutcome.Succeeded).ToList();
            if (successes.Count > 1)
            {
                return new Violation(Property, $"{successes.Count} initializations succeeded{EpochText(epoch.Key)}: attempts {string.Join(", ", successes.Select(a => a.Number))}.");
            }
        }

        return null;
    }

    internal static string EpochText(int epoch) => epoch == 0 ? string.Empty : $" in epoch {epoch}";
}
