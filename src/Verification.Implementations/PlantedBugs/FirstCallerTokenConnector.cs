using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: the first caller's token is passed into the shared setup. Each caller can stop waiting, as declared, but
/// when the caller that happened to start the setup cancels, the setup itself is cancelled for everyone waiting on it.
/// </summary>
public sealed class FirstCallerTokenConnector(Func<Connection> createConnection)
{
    private readonly object _gate = new();
    private Task<Connection>? _connecting;

    /// <summary>Gets the connection.</summary>
    /// <param name="cancellationToken">Meant to cancel this caller's wait only.</param>
    public Task<Connection> GetInstanceAsync(CancellationToken cancellationToken = default)
    {
        Task<Connection> connecting;
        lock (_gate)
        {
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                // Bug: this caller's token now governs the setup every later caller shares.
                _connecting = ConnectAsync(cancellationToken);
            }

            connecting = _connecting;
        }

        return connecting.WaitAsync(cancellationToken);
    }

    private async Task<Connection> ConnectAsync(CancellationToken cancellationToken)
    {
        var instance = createConnection();
        await instance.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return instance;
    }
}

[PlantedBug(Property.Cancel)]
[SingletonImplementation("first-caller-token",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.Caller,
    Description = "Shares one setup but passes it the first caller's token: that caller's cancel cancels it for all.")]
public sealed class FirstCallerTokenConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new FirstCallerTokenConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(FirstCallerTokenConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync(cancellationToken).ConfigureAwait(false);
    }
}
