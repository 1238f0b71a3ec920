namespace Verification.Specs.Oracles;

/// <summary>RESET: a get that starts after a reset completed never receives an instance whose attempt started before that reset began.</summary>
public sealed class ResetOracle : IOracle
{
    public Property Property => Property.Reset;

    public Violation? Check(History history, DeclaredContract contract)
    {
        foreach (var reset in history.Resets.Where(r => r.End is not null))
        {
            foreach (var get in history.Gets.Where(g => g.Start > reset.End && g is { Outcome: CallOutcome.Returned, Instance: not null }))
            {
                var attempt = history.AttemptFor(get.Instance!.Value);
                if (attempt is not null && attempt.Start < reset.Start)
                {
                    return new Violation(Property, $"caller {get.Caller} received instance #{get.Instance} from attempt {attempt.Number}, which started before caller {reset.Caller}'s reset; the reset had completed before caller {get.Caller} called.");
                }
            }
        }

        return null;
    }
}
