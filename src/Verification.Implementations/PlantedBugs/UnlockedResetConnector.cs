using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.PlantedBugs;

/// <summary>
/// Planted bug: the article's <c>reset_instance</c> as written, <c>cls._instance = None</c> with no lock. A connect in
/// flight when the reset runs publishes its connection afterwards, so the old epoch's instance leaks into the new one.
/// </summary>
public sealed class UnlockedResetConnector
{
    private static SemaphoreSlim s_lock = new(1, 1);
    private static UnlockedResetConnector? s_instance;
    private static Func<UnlockedResetConnector, CancellationToken, Task> s_connect = (_, _) => Task.CompletedTask;

    private UnlockedResetConnector()
    {
    }

    public static async Task<UnlockedResetConnector> GetInstanceAsync()
    {
        if (Volatile.Read(ref s_instance) is { } ready)
        {
            return ready;
        }

        await s_lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (s_instance is { } connected)
            {
                return connected;
            }

            var instance = new UnlockedResetConnector();
            await s_connect(instance, CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref s_instance, instance);
            return instance;
        }
        finally
        {
            s_lock.Release();
        }
    }

    /// <summary>For tests: forget the instance. Bug: does not take the lock, so a connect in flight publishes after it.</summary>
    public static void ResetInstance() => Volatile.Write(ref s_instance, null);

    internal static void StartOver(Func<UnlockedResetConnector, CancellationToken, Task> connect)
    {
        s_lock = new SemaphoreSlim(1, 1);
        s_instance = null;
        s_connect = connect;
    }
}

[PlantedBug(Property.Reset)]
[SingletonImplementation("unlocked-reset",
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None, SupportsReset = true,
    Description = "The article's reset_instance as written: clears the field without the lock; a connect in flight republishes.")]
public sealed class UnlockedResetConnectorAdapter : SingletonAdapter
{
    public override void ResetStaticState() => UnlockedResetConnector.StartOver((_, _) => Task.CompletedTask);

    public override ISingletonSubject Create(InitializationSeam seam)
    {
        UnlockedResetConnector.StartOver(seam.InitializeAsync);
        return new Subject();
    }

    private sealed class Subject : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await UnlockedResetConnector.GetInstanceAsync().ConfigureAwait(false);

        public Task ResetAsync()
        {
            UnlockedResetConnector.ResetInstance();
            return Task.CompletedTask;
        }
    }
}
