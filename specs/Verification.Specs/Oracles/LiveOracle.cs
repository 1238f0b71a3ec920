namespace Verification.Specs.Oracles;

/// <summary>LIVE: by the end of the run every call has completed. A run cut short by a deadlock leaves the stuck calls open.</summary>
public sealed class LiveOracle : IOracle
{
    public Property Property => Property.Live;

    public Violation? Check(History history, DeclaredContract contract)
    {
        var stuck = history.Gets.Where(g => g.End is null).Select(g => g.Caller)
            .Concat(history.Resets.Where(r => r.End is null).Select(r => r.Caller))
            .Distinct().Order().ToList();
        return stuck.Count == 0
            ? null
            : new Violation(Property, $"{(stuck.Count == 1 ? "caller" : "callers")} {string.Join(", ", stuck)} never completed.");
    }
}
