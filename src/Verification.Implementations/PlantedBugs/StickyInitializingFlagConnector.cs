using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: an "initializing" flag set before the await and cleared only on success. Later callers see the flag and
/// wait for a ready signal that is set only on success, so after one failed setup every caller waits forever.
/// </summary>
public sealed class StickyInitializingFlagConnector(Func<Connection> createConnection)
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource<Connection> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _initializing;
    private Connection? _instance;

    public async Task<Connection> GetInstanceAsync()
    {
        Task<Connection>? someoneElses = null;
        lock (_gate)
        {
            if (_instance is { } ready)
            {
                return ready;
            }

            if (_initializing)
            {
                someoneElses = _ready.Task;
            }
            else
            {
                _initializing = true;
            }
        }

        if (someoneElses is not null)
        {
            return await someoneElses.ConfigureAwait(false);
        }

        // Bug: if ConnectAsync throws, _initializing stays true and _ready is never completed.
        var instance = createConnection();
        await instance.ConnectAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _instance = instance;
            _initializing = false;
        }

        _ready.SetResult(instance);
        return instance;
    }
}

[PlantedBug(Property.Live)]
[SingletonImplementation("sticky-initializing-flag",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "An initializing flag set before the await, never cleared on failure: later callers wait forever.")]
public sealed class StickyInitializingFlagConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new StickyInitializingFlagConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(StickyInitializingFlagConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
