using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Article;

/// <summary>
/// The article's advice to delay the heavy work until it is really needed: a service that is cheap to construct and builds
/// its heavy resource (a search index, say) only when a caller first asks for it.
/// </summary>
/// <remarks>
/// Concurrency contract: nothing is built until the first call; then one build runs and every caller shares it, receiving
/// the index only once it is built. A failed build reaches the callers waiting for it and is forgotten, so the next call
/// builds again. A caller's token cancels that caller's wait at once; the build goes on for the others.
/// </remarks>
/// <param name="buildIndex">The heavy work; it is never cancelled by a caller.</param>
public sealed class DeferredSearchIndex(Func<CancellationToken, Task<Resource>> buildIndex)
{
    private readonly object _gate = new();
    private Task<Resource>? _index;

    /// <summary>Gets the index, building it on first use.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait only; the build continues.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the index was built.</exception>
    /// <exception cref="Exception">Whatever the build threw, for the callers that waited for that build.</exception>
    public Task<Resource> GetIndexAsync(CancellationToken cancellationToken = default)
    {
        Task<Resource> index;
        lock (_gate)
        {
            // A build that failed is forgotten by the first caller to find it failed, and built again.
            if (_index is null || _index.IsFaulted || _index.IsCanceled)
            {
                _index = buildIndex(CancellationToken.None);
            }

            index = _index;
        }

        return index.WaitAsync(cancellationToken);
    }
}

[SingletonImplementation("deferred-search-index", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.Caller,
    Description = "The article's deferred initialization: the heavy build starts on first use; a cancelled caller stops waiting.")]
public sealed class DeferredSearchIndexAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new DeferredSearchIndex(seam.CreateInitializedAsync));

    private sealed class Subject(DeferredSearchIndex service) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await service.GetIndexAsync(cancellationToken).ConfigureAwait(false);
    }
}
