using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Article;

/// <summary>
/// The article's <c>AsyncDBConnector</c>: check, take an async lock, check again, await the async setup, then publish.
/// </summary>
/// <remarks>
/// Concurrency contract: exactly one setup succeeds; every caller gets the same connection, only after its setup
/// completed. A failed setup reaches the caller that ran it, releases the lock, and the next caller tries again. The
/// article's code takes no token; the port passes the caller's token the idiomatic way, to the lock's wait and to the setup
/// the caller runs: a caller cancelled while it waits leaves without the lock, and one cancelled during its own setup
/// abandons it, so the next caller connects anew (caller-abandon).
/// </remarks>
public sealed class DoubleCheckedConnector(Func<Connection> createConnection) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Connection? _instance;

    /// <summary>Gets the connection, connecting it on first use.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="Exception">Whatever the setup threw, for the caller whose setup failed.</exception>
    public async Task<Connection> GetInstanceAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _instance) is { } ready)
        {
            return ready;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
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

[SingletonImplementation("double-checked", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.CallerAbandon,
    Description = "The article's AsyncDBConnector: async lock, check again inside, await setup, publish; the caller's token goes to the lock's wait and the setup.")]
public sealed class DoubleCheckedConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new DoubleCheckedConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(DoubleCheckedConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync(cancellationToken).ConfigureAwait(false);
    }
}
