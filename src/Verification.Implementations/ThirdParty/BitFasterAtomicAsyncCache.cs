using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.ThirdParty;

/// <summary>
/// BitFaster.Caching <c>ConcurrentLru</c> built with <c>WithAtomicGetOrAdd()</c> as an async cache, one key: the "atomic
/// valueFactory to mitigate cache stampede" (README), each value behind an <c>AsyncAtomicFactory</c>, "simple, lightweight
/// exactly once initialization for values stored in a cache". A get is <c>GetOrAddAsync(key, factory)</c>; a reset is
/// <c>TryRemove(key)</c>, which removes the key's entry so the next get creates a new one.
/// </summary>
/// <remarks>
/// What the source (2.6.1) does: <c>AsyncAtomicFactory</c>'s initializer publishes one <c>TaskCompletionSource</c> under
/// <c>lock (this)</c>; the caller that published it runs the factory and the others await the same task. When the factory
/// throws, the initializer is marked uninitialized before the exception is set on the shared task: the callers waiting on
/// that attempt get its exception and the next get runs the factory again (failure retried, as the maintainer describes
/// it: "if an exception is thrown, it is not cached"). No token reaches <c>GetOrAddAsync</c>, so callers cannot cancel.
/// </remarks>
[SingletonImplementation("bitfaster-atomic-async-lru", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None, SupportsReset = true,
    Description = "BitFaster.Caching 2.6.1 ConcurrentLru with atomic GetOrAddAsync: factory once per key, failure retried, TryRemove resets.")]
public sealed class BitFasterAtomicAsyncLruAdapter : SingletonAdapter
{
    private const int Key = 1;

    public override ISingletonSubject Create(InitializationSeam seam) =>
        new Subject(new ConcurrentLruBuilder<int, Resource>().WithCapacity(3).WithAtomicGetOrAdd().AsAsyncCache().Build(), seam);

    /// <summary>A get is <c>GetOrAddAsync</c> of the one key with the harness's initialization as the factory; a reset is <c>TryRemove</c>.</summary>
    private sealed class Subject(IAsyncCache<int, Resource> cache, InitializationSeam seam) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) =>
            await cache.GetOrAddAsync(Key, _ => seam.CreateInitializedAsync()).ConfigureAwait(false);

        public Task ResetAsync()
        {
            cache.TryRemove(Key);
            return Task.CompletedTask;
        }
    }
}
