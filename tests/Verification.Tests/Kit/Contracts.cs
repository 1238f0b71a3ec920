using Verification.Specs;

namespace Verification.Tests.Kit;

/// <summary>
/// The declared contracts tests judge against, named failure policy first, then cancellation policy, then
/// <c>Resettable</c> when the implementation declares a reset.
/// </summary>
internal static class Contracts
{
    public static DeclaredContract RetryNone { get; } = RetryWith(CancellationPolicy.None);

    public static DeclaredContract RetryCaller { get; } = RetryWith(CancellationPolicy.Caller);

    public static DeclaredContract RetryAbandon { get; } = RetryWith(CancellationPolicy.CallerAbandon);

    public static DeclaredContract RetryNoneResettable { get; } = new(FailurePolicy.Retry, CancellationPolicy.None, SupportsReset: true);

    public static DeclaredContract CacheNone { get; } = new(FailurePolicy.Cache, CancellationPolicy.None, SupportsReset: false);

    public static DeclaredContract CacheCaller { get; } = new(FailurePolicy.Cache, CancellationPolicy.Caller, SupportsReset: false);

    public static DeclaredContract CacheNoneResettable { get; } = new(FailurePolicy.Cache, CancellationPolicy.None, SupportsReset: true);

    /// <summary>Every choice that asks the most of an implementation: cache, caller-abandon and reset.</summary>
    public static DeclaredContract CacheAbandonResettable { get; } = new(FailurePolicy.Cache, CancellationPolicy.CallerAbandon, SupportsReset: true);

    /// <summary>Retry on failure, no reset, and the given cancellation policy.</summary>
    public static DeclaredContract RetryWith(CancellationPolicy cancellation) => new(FailurePolicy.Retry, cancellation, SupportsReset: false);
}
