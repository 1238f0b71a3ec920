using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: a new lock per call. The lock was meant to be a field (<c>static readonly SemaphoreSlim Lock = new(1, 1)</c>)
/// but is an expression-bodied property (<c>static SemaphoreSlim Lock =&gt; new(1, 1)</c>), so every caller takes a lock
/// nobody else holds and the double-checked pattern protects nothing.
/// </summary>
public sealed class LockPerCallConnector(Func<Connection> createConnection)
{
    private Connection? _instance;

    // Bug: '=>' instead of '='; a fresh semaphore on every read.
    private static SemaphoreSlim Lock => new(1, 1);

    public async Task<Connection> GetInstanceAsync()
    {
        if (Volatile.Read(ref _instance) is { } ready)
        {
            return ready;
        }

        var gate = Lock;
        await gate.WaitAsync().ConfigureAwait(false);
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
            gate.Release();
        }
    }
}

[PlantedBug(Property.Once)]
[SingletonImplementation("lock-per-call",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Double-checked, but the lock is an expression-bodied property: a new semaphore per call.")]
public sealed class LockPerCallConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new LockPerCallConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(LockPerCallConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
