using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: lock-free "first to finish wins". Every caller that finds no instance connects its own, then tries to
/// publish it with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/> and returns the winner. Callers agree on one
/// instance, but connects overlap and the losers' connections were opened for nothing.
/// </summary>
public sealed class FirstFinisherWinsConnector(Func<Connection> createConnection)
{
    private Connection? _instance;

    public async Task<Connection> GetInstanceAsync()
    {
        if (Volatile.Read(ref _instance) is { } ready)
        {
            return ready;
        }

        // Bug: nothing stops a second caller from starting its own connect meanwhile.
        var candidate = createConnection();
        await candidate.ConnectAsync().ConfigureAwait(false);
        return Interlocked.CompareExchange(ref _instance, candidate, null) ?? candidate;
    }
}

[PlantedBug(Property.Once)]
[SingletonImplementation("first-finisher-wins",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Each caller connects its own and CompareExchange publishes the first to finish: connects overlap.")]
public sealed class FirstFinisherWinsConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new FirstFinisherWinsConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(FirstFinisherWinsConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
