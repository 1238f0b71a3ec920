using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Article;

/// <summary>
/// The article's <c>AsyncDBConnector</c>: check, take an async lock, check again, await the async setup, then publish.
/// </summary>
/// <remarks>
/// Concurrency contract: exactly one setup succeeds; every caller gets the same connection, only after its setup
/// completed. A failed setup reaches the caller that ran it, releases the lock, and the next caller tries again.
/// Callers cannot cancel their wait.
/// </remarks>
public sealed class DoubleCheckedConnector(Func<Connection> createConnection) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Connection? _instance;

    /// <summary>Gets the connection, connecting it on first use.</summary>
    /// <exception cref="Exception">Whatever the setup threw, for the caller whose setup failed.</exception>
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
                var instance = createConnection();
                await instance.ConnectAsync().ConfigureAwait(false);
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

[SingletonImplementation("double-checked", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "The article's AsyncDBConnector: async lock, check again inside, await setup, publish.")]
public sealed class DoubleCheckedConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new DoubleCheckedConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(DoubleCheckedConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
