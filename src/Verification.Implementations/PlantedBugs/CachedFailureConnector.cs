using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: retry is declared, but the connecting task is cached whatever its outcome (the <c>??=</c> shortcut), so
/// one failed connect is handed to every later caller and no new attempt is ever made.
/// </summary>
public sealed class CachedFailureConnector(Func<Connection> createConnection)
{
    private readonly object _gate = new();
    private Task<Connection>? _connecting;

    /// <summary>Gets the connection; documented to try again after a failure.</summary>
    public Task<Connection> GetInstanceAsync()
    {
        lock (_gate)
        {
            // Bug: a faulted task is kept like a successful one.
            return _connecting ??= ConnectAsync();
        }
    }

    private async Task<Connection> ConnectAsync()
    {
        var instance = createConnection();
        await instance.ConnectAsync().ConfigureAwait(false);
        return instance;
    }
}

[PlantedBug(Property.Failure)]
[SingletonImplementation("cached-failure",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Declares retry but caches the connecting task with ??=, so a failure is served forever.")]
public sealed class CachedFailureConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new CachedFailureConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(CachedFailureConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
