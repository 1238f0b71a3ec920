using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: the lock is released after the setup rather than in a <c>finally</c>. When the setup throws, the lock stays
/// held and every later caller waits for it forever.
/// </summary>
public sealed class LockLeakedOnFailureConnector(Func<Connection> createConnection) : IDisposable
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
        if (_instance is null)
        {
            var instance = createConnection();
            await instance.ConnectAsync().ConfigureAwait(false);
            Volatile.Write(ref _instance, instance);
        }

        // Bug: skipped when ConnectAsync throws.
        _lock.Release();
        return _instance;
    }

    public void Dispose() => _lock.Dispose();
}

[PlantedBug(Property.Live)]
[SingletonImplementation("lock-leaked-on-failure",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Releases the lock after the setup, not in a finally: a failed setup leaves it held forever.")]
public sealed class LockLeakedOnFailureConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new LockLeakedOnFailureConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(LockLeakedOnFailureConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
