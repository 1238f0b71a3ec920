using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: the instance is published before its setup finished (<c>cls._instance = cls(); await
/// cls._instance._connect()</c>). A caller on the lock-free fast path gets a connection that is not connected yet.
/// </summary>
public sealed class PublishedBeforeSetupConnector(Func<Connection> createConnection) : IDisposable
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
            if (_instance is null)
            {
                // Bug: visible to the fast path from here on, while ConnectAsync is still running.
                var instance = createConnection();
                Volatile.Write(ref _instance, instance);
                await instance.ConnectAsync().ConfigureAwait(false);
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

[PlantedBug(Property.Published)]
[SingletonImplementation("published-before-setup",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Assigns the instance field, then awaits the setup: the fast path hands out an unconnected instance.")]
public sealed class PublishedBeforeSetupConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new PublishedBeforeSetupConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(PublishedBeforeSetupConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
