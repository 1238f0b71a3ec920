namespace Verification.Specs.Oracles;

/// <summary>PUBLISHED: a get returns an instance only after the attempt that initializes it has succeeded.</summary>
public sealed class PublishedOracle : IOracle
{
    public Property Property => Property.Published;

    public Violation? Check(History history, DeclaredContract contract)
    {
        foreach (var get in history.Gets.Where(g => g is { Outcome: CallOutcome.Returned, Instance: not null }))
        {
            var instance = get.Instance!.Value;
            var initialized = history.AttemptFor(instance, a => a.Outcome == AttemptOutcome.Succeeded && a.End < get.End);
            if (initialized is null)
            {
                var attempt = history.AttemptFor(instance);
                var state = attempt is null
                    ? "whose initialization never started"
                    : $"while attempt {attempt.Number} initializing it had not {(attempt.Outcome == AttemptOutcome.Pending || attempt.End > get.End ? "finished" : "succeeded")}";
                return new Violation(Property, $"caller {get.Caller} received instance #{instance} {state}.");
            }
        }

        return null;
    }
}
