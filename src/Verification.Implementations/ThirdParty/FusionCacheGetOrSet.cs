using Verification.Core;
using Verification.Specs;
using ZiggyCreatures.Caching.Fusion;

namespace Verification.Implementations.ThirdParty;

/// <summary>
/// ZiggyCreatures.FusionCache <c>GetOrSetAsync</c>, memory level only, one key: "FusionCache automatically prevents multiple
/// factories running at the same time for the same cache key" (Cache Stampede docs). A get passes the caller's token, which
/// FusionCache hands to its per-key lock wait and to the factory it runs.
/// </summary>
/// <remarks>
/// What the source (2.9.0) does: a per-key <c>SemaphoreSlim</c> (the standard memory locker) taken with the lock timeout and
/// the caller's token, a second look in the memory cache under it, then the factory with that caller's token; no fail-safe and
/// no factory timeouts are set (both off by default), so a factory exception reaches the caller and nothing is cached (the
/// next get runs the factory again). With a token that can be cancelled the factory runs linked to the caller's token and
/// raced against <c>Task.Delay(Timeout.Infinite, token)</c> (<c>RunUtils.RunAsyncFuncWithTimeoutAsync</c>): when that caller
/// cancels it throws at once, releases the lock and leaves its factory to notice the cancellation later, so the shared
/// initialization is cancelled for everyone (as documented: it cancels "the provided factory method itself") and the next
/// waiter starts a new factory while the abandoned one may still be running.
/// The declaration is <c>caller-abandon</c>, what the documentation says: a caller's token cancels its wait and "the
/// provided factory method itself". The documentation does not say that the next waiter starts a factory before the
/// cancelled one has ended, which is what breaks ONCE; that follows from the documented cancellation of the factory with no
/// wait for it, and is declared as such.
/// </remarks>
[DocumentedViolation(Property.Once, "cancellation cancels \"the provided factory method itself\" (FusionCache docs, Comparison) and releases the key's lock without waiting for the factory to end, so the next waiter starts another factory beside it")]
[SingletonImplementation("fusion-cache-get-or-set", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.CallerAbandon,
    Description = "ZiggyCreatures.FusionCache 2.9.0 GetOrSetAsync (memory only): one factory per key under a per-key SemaphoreSlim.")]
public sealed class FusionCacheGetOrSetAdapter : SingletonAdapter
{
    private const string Key = "singleton";

    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new FusionCache(new FusionCacheOptions()), seam);

    /// <summary>A get is <c>GetOrSetAsync</c> of the one key with the caller's token; the factory gets the token FusionCache passes it.</summary>
    private sealed class Subject(FusionCache cache, InitializationSeam seam) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) =>
            await cache.GetOrSetAsync<Resource>(Key, (_, token) => seam.CreateInitializedAsync(token), token: cancellationToken).ConfigureAwait(false);
    }
}
