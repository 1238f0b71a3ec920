using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: the setup's exception is swallowed and null returned ("a cache that is down must not take the page
/// down"). The caller cannot tell a failure from a missing value, and never sees why.
/// </summary>
public sealed class SwallowedFailureConnector(Func<Connection> createConnection) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Connection? _instance;

    /// <summary>The connection, or null if connecting failed.</summary>
    public async Task<Connection?> GetInstanceAsync()
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
#pragma warning disable CA1031 // Bug: the analyzer was right; the failure should have reached the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}

[PlantedBug(Property.Failure)]
[SingletonImplementation("swallowed-failure",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Catches the setup's exception and returns null: the failure never reaches the caller.")]
public sealed class SwallowedFailureConnectorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new SwallowedFailureConnector(() => new Connection(seam.InitializeAsync)));

    private sealed class Subject(SwallowedFailureConnector connector) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await connector.GetInstanceAsync().ConfigureAwait(false);
    }
}
