using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: the lock without the second check. Callers that saw no instance queue on the lock, and each one that gets
/// it connects again, replacing the instance the previous one published.
/// </summary>
public sealed class NoSecondCheckConnector(Func<Connection> createConnection) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Connection? _instance;

    public async Task<Connection> GetInstanceAsync()
    {
        if (Volatile.Read(ref _instance) is { } ready)
        {
            return ready;
        }

        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            // Bug: no second look at _instance now that the lock is held.
            var instance = createConnection();
            await instance.ConnectAsync().ConfigureAwait(false);
            Volatile.Write(ref _instance, instance);
            return instance;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}

[PlantedBug(Property.Once)]
[SingletonImplementation("no-second-check",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Check, lock, connect: no second check inside the lock, so each queued caller connects again.")]
public sealed class NoSecondCheckConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new NoSecondCheckConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(NoSecondCheckConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
