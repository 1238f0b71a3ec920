using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: a caller whose wait for the lock is cancelled releases the lock anyway, "to be safe". It never took it, so
/// the release hands out a count the semaphore never had: the holder is still inside, and the next waiter walks in too
/// and runs a second initialization. Otherwise it is the idiomatic cancellable double-checked lock: the caller's token goes
/// to the lock's wait and to the setup the caller runs.
/// </summary>
/// <remarks>
/// Only a model of <see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/> that honours the token can reach this: a
/// model that ignores it never cancels the waiter, so the faulty <c>catch</c> never runs.
/// </remarks>
public sealed class ReleasedOnCancelConnector(Func<Connection> createConnection) : IDisposable
{
    // No maximum, as often written: the extra release is not refused, it silently makes the count two.
    private readonly SemaphoreSlim _lock = new(1);
    private Connection? _instance;

    public async Task<Connection> GetInstanceAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _instance) is { } ready)
        {
            return ready;
        }

        try
        {
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Bug: this caller does not hold the lock.
            _lock.Release();
            throw;
        }

        try
        {
            if (_instance is null)
            {
                var instance = createConnection();
                await instance.ConnectAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _instance, instance);
            }

            return _instance;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}

[PlantedBug(Property.Once)]
[SingletonImplementation("released-on-cancel",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.CallerAbandon,
    Description = "A caller whose wait for the SemaphoreSlim is cancelled releases it anyway: the next waiter enters beside the holder.")]
public sealed class ReleasedOnCancelConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new ReleasedOnCancelConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(ReleasedOnCancelConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync(cancellationToken).ConfigureAwait(false);
    }
}
