using Microsoft.Extensions.Caching.Memory;
using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.ThirdParty;

/// <summary>
/// Microsoft.Extensions.Caching.Memory <c>MemoryCache</c> with the <c>GetOrCreateAsync</c> extension, one key: "asynchronously
/// gets the value associated with this key if it exists, or generates a new entry using the provided key and a value from the
/// given factory if the key is not found". It takes no lock: concurrent callers that miss each run the factory, which the
/// maintainers describe as by design ("GetOrCreate is not atomic", dotnet/runtime#36499).
/// </summary>
/// <remarks>
/// What the source (10.0.1) does: <c>TryGetValue</c>, and on a miss <c>CreateEntry</c>, await the factory, set the entry's value
/// and commit it when the entry is disposed. A factory that throws leaves no value (the next get runs it again: retried).
/// No token, no reset declared (<c>Remove</c> exists, but the declaration keeps to what a get-or-create user relies on).
/// </remarks>
[DocumentedViolation(Property.Once, "GetOrCreateAsync is not atomic: concurrent misses each run the factory, by design (dotnet/runtime#36499)")]
[SingletonImplementation("memory-cache-get-or-create", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Microsoft.Extensions.Caching.Memory 10.0.1 MemoryCache.GetOrCreateAsync: no lock, every racing miss runs the factory.")]
public sealed class MemoryCacheGetOrCreateAdapter : SingletonAdapter
{
    private const string Key = "singleton";

    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new MemoryCache(new MemoryCacheOptions()), seam);

    /// <summary>A get is <c>GetOrCreateAsync</c> of the one key with the harness's initialization as the factory.</summary>
    private sealed class Subject(MemoryCache cache, InitializationSeam seam) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) =>
            await cache.GetOrCreateAsync(Key, _ => seam.CreateInitializedAsync()).ConfigureAwait(false);
    }
}
