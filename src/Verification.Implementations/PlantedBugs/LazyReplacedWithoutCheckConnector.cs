using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: the retrying <see cref="Lazy{T}"/> of <see cref="Task{TResult}"/>, but a caller who saw it fail replaces
/// whatever lazy is current, not the one that failed. Two callers of the failed attempt both replace it: the second throws
/// away the fresh lazy whose initialization the first already started, and the next caller starts another one beside it.
/// </summary>
public sealed class LazyReplacedWithoutCheckConnector(Func<Task<Resource>> create)
{
    private Lazy<Task<Resource>> _current = new(create);

    public async Task<Resource> GetInstanceAsync()
    {
        var lazy = Volatile.Read(ref _current);
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // Bug: should be Interlocked.CompareExchange(ref _current, fresh, lazy).
            Volatile.Write(ref _current, new Lazy<Task<Resource>>(create));
            throw;
        }
    }
}

[PlantedBug(Property.Once)]
[SingletonImplementation("lazy-replaced-without-check",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Lazy<Task<T>> replaced after a failure by every caller who saw it fail, not only the first: two initializations run at once.")]
public sealed class LazyReplacedWithoutCheckConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new Subject(new LazyReplacedWithoutCheckConnector(() => seam.CreateInitializedAsync()));

    private sealed class Subject(LazyReplacedWithoutCheckConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
