using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: a <see cref="Lazy{T}"/> of <see cref="Task{TResult}"/> that retries after a failure, but every caller that
/// saw the failure swaps in a fresh lazy of its own and retries on it, with no lock and no compare-and-swap. Two callers of
/// the failed attempt each start a new initialization, at the same time.
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
            // Bug: should swap only the lazy that failed (Interlocked.CompareExchange(ref _current, fresh, lazy)) and retry on
            // whichever lazy is current then.
            var fresh = new Lazy<Task<Resource>>(create);
            Volatile.Write(ref _current, fresh);
            return await fresh.Value.ConfigureAwait(false);
        }
    }
}

[PlantedBug(Property.Once)]
[SingletonImplementation("lazy-replaced-without-check",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Lazy<Task<T>> that every caller who saw it fail replaces with its own and retries on: two initializations run at once.")]
public sealed class LazyReplacedWithoutCheckConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new Subject(new LazyReplacedWithoutCheckConnector(() => seam.CreateInitializedAsync()));

    private sealed class Subject(LazyReplacedWithoutCheckConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
