using Nito.AsyncEx;
using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.ThirdParty;

/// <summary>
/// Nito.AsyncEx <see cref="AsyncLazy{T}"/> with default flags: "fully threadsafe", the factory runs once on the thread
/// pool, and a failure is cached ("does not retry initialization on failures (failures are cached)").
/// </summary>
/// <remarks>
/// The type takes no cancellation token (it is awaited directly), so callers cannot cancel, and it has no reset.
/// </remarks>
[SingletonImplementation("nito-async-lazy", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.None,
    Description = "Nito.AsyncEx AsyncLazy<T> 5.1.2, default flags: factory once on the thread pool, failure cached.")]
public sealed class NitoAsyncLazyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new NitoAsyncLazySubject(new AsyncLazy<Resource>(() => seam.CreateInitializedAsync()));
}

/// <summary>
/// Nito.AsyncEx <see cref="AsyncLazy{T}"/> with <see cref="AsyncLazyFlags.RetryOnFailure"/>: "if the factory method
/// fails, then re-run the factory method the next time instead of caching the failed task".
/// </summary>
[SingletonImplementation("nito-async-lazy-retry", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Nito.AsyncEx AsyncLazy<T> 5.1.2 with RetryOnFailure: a failed factory runs again on the next await.")]
public sealed class NitoAsyncLazyRetryAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new NitoAsyncLazySubject(new AsyncLazy<Resource>(() => seam.CreateInitializedAsync(), AsyncLazyFlags.RetryOnFailure));
}

/// <summary>A get is an await of the lazy, as the library's users write it; the token has nowhere to go.</summary>
internal sealed class NitoAsyncLazySubject(AsyncLazy<Resource> lazy) : ISingletonSubject
{
    public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.ConfigureAwait(false);
}
