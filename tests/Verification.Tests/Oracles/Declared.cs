using Verification.Specs;

namespace Verification.Tests.Oracles;

/// <summary>The declared contracts the oracle tests judge against, named by what differs.</summary>
internal static class Declared
{
    public static DeclaredContract Retry { get; } = new(FailurePolicy.Retry, CancellationPolicy.None, SupportsReset: false);

    public static DeclaredContract Cache { get; } = new(FailurePolicy.Cache, CancellationPolicy.None, SupportsReset: false);

    public static DeclaredContract Caller { get; } = new(FailurePolicy.Retry, CancellationPolicy.Caller, SupportsReset: false);

    public static DeclaredContract CallerAbandon { get; } = new(FailurePolicy.Retry, CancellationPolicy.CallerAbandon, SupportsReset: false);

    public static DeclaredContract Resettable { get; } = new(FailurePolicy.Retry, CancellationPolicy.None, SupportsReset: true);

    public static DeclaredContract CacheResettable { get; } = new(FailurePolicy.Cache, CancellationPolicy.None, SupportsReset: true);

    public static DeclaredContract With(CancellationPolicy cancellation) => new(FailurePolicy.Retry, cancellation, SupportsReset: false);

    /// <summary>The IDs of every property <see cref="Contract.Judge"/> finds violated, comma-separated ("" when all hold).</summary>
    public static string ViolatedUnder(this History history, DeclaredContract contract) =>
        string.Join(", ", Contract.Judge(history, contract).Select(v => v.Property.Id()));
}
