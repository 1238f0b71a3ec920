using System.Collections.Immutable;
using Verification.Specs.Oracles;

namespace Verification.Specs;

/// <summary>The contract as code: every oracle, and one call that judges a history against a declared contract.</summary>
public static class Contract
{
    public static ImmutableArray<IOracle> Oracles { get; } =
    [
        new OnceOracle(), new SameOracle(), new PublishedOracle(), new FailureOracle(),
        new CancelOracle(), new LiveOracle(), new ResetOracle(),
    ];

    /// <summary>Every property that <paramref name="history"/> violates, in property order.</summary>
    public static ImmutableArray<Violation> Judge(History history, DeclaredContract contract) =>
        [.. Oracles.Select(o => o.Check(history, contract)).OfType<Violation>()];
}
