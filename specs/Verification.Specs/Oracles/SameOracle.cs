namespace Verification.Specs.Oracles;

/// <summary>
/// SAME: every get that lies wholly inside one epoch and returns, returns the same reference, produced by a successful attempt.
/// Gets that overlap a reset may see either epoch's instance; RESET judges those.
/// </summary>
public sealed class SameOracle : IOracle
{
    public Property Property => Property.Same;

    public Violation? Check(History history, DeclaredContract contract)
    {
        var returned = history.Gets.Where(g => g.Outcome == CallOutcome.Returned).ToList();
        foreach (var get in returned)
        {
            if (get.Instance is not int instance)
            {
                return new Violation(Property, $"caller {get.Caller} received null instead of the instance.");
            }

            if (history.AttemptFor(instance, a => a.Outcome == AttemptOutcome.Succeeded) is null)
            {
                return new Violation(Property, $"caller {get.Caller} received instance #{instance}, which no successful initialization produced.");
            }
        }

        foreach (var epoch in returned.Where(g => !history.ResetOverlaps(g.Start, g.End)).GroupBy(g => history.EpochAt(g.Start)))
        {
            var first = epoch.First();
            var other = epoch.FirstOrDefault(g => g.Instance != first.Instance);
            if (other is not null)
            {
                return new Violation(Property, $"caller {first.Caller} received instance #{first.Instance} but caller {other.Caller} received instance #{other.Instance}{OnceOracle.EpochText(epoch.Key)}.");
            }
        }

        return null;
    }
}
