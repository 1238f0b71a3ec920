using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug, the article's first pitfall: check, await the setup, create, with no lock. Two callers that both see no
/// instance both run a setup.
/// </summary>
public sealed class NoLockConnector(Func<Connection> createConnection)
{
    private Connection? _instance;

    public async Task<Connection> GetInstanceAsync()
    {
        if (_instance is null)
        {
            var instance = createConnection();
            await instance.ConnectAsync().ConfigureAwait(false);
            _instance = instance;
        }

        return _instance;
    }
}

[PlantedBug(Property.Once)]
[SingletonImplementation("no-lock",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Check, await setup, create: no lock, so concurrent callers each run a setup.")]
public sealed class NoLockConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new NoLockConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(NoLockConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
