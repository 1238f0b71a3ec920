using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Article;

/// <summary>
/// The article's <c>ConfigManager</c>: a class-level configuration loaded once from a remote secrets service (simulated),
/// behind the same check, lock, check again as the connector. Its reset (a reload for tests) uses an epoch counter.
/// </summary>
/// <remarks>
/// Concurrency contract: the secrets are fetched once per epoch; every caller gets the same manager, only after its
/// configuration is loaded. A failed fetch reaches the caller that ran it and the next caller fetches again. Callers
/// cannot cancel. <see cref="ResetInstance"/> does not wait for a load in flight: it bumps the epoch, and a load publishes
/// only if the epoch it started in is still current (checked and published under one small lock), so an old load can
/// answer the callers already waiting for it but never the callers who come after the reset. A load counts as started in
/// the epoch current when it begins, so it starts under that same lock.
/// </remarks>
public sealed class ConfigManager
{
    private static SemaphoreSlim s_loadLock = new(1, 1);
    private static object s_stateLock = new();
    private static ConfigManager? s_instance;
    private static int s_epoch;
    private static Func<ConfigManager, CancellationToken, Task> s_fetchSecrets = (_, _) => Task.CompletedTask;

    private ConfigManager()
    {
    }

    /// <summary>The configuration; empty until the secrets have been fetched.</summary>
    public IReadOnlyDictionary<string, string> Config { get; private set; } = new Dictionary<string, string>();

    /// <summary>Gets the manager, loading the configuration on first use.</summary>
    /// <exception cref="Exception">Whatever the secrets service threw, for the caller whose load failed.</exception>
    public static async Task<ConfigManager> GetInstanceAsync()
    {
        if (Volatile.Read(ref s_instance) is { } ready)
        {
            return ready;
        }

        await s_loadLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // The load starts (runs to its first await) under the state lock, so the epoch it belongs to is the one it
            // started in: a reset lands either before it, or after it and then keeps it from publishing.
            int epoch;
            var instance = new ConfigManager();
            Task load;
            lock (s_stateLock)
            {
                if (s_instance is { } loaded)
                {
                    return loaded;
                }

                epoch = s_epoch;
                load = instance.LoadConfigAsync();
            }

            await load.ConfigureAwait(false);
            lock (s_stateLock)
            {
                if (s_epoch == epoch)
                {
                    s_instance = instance;
                }
            }

            return instance;
        }
        finally
        {
            s_loadLock.Release();
        }
    }

    /// <summary>Reset for tests: the next get loads the configuration again. Returns at once, even while a load is in flight.</summary>
    public static void ResetInstance()
    {
        lock (s_stateLock)
        {
            s_instance = null;
            s_epoch++;
        }
    }

    /// <summary>Forgets everything class-level, locks included, and sets the secrets service: a fresh process.</summary>
    internal static void StartOver(Func<ConfigManager, CancellationToken, Task> fetchSecrets)
    {
        s_loadLock = new SemaphoreSlim(1, 1);
        s_stateLock = new object();
        s_instance = null;
        s_epoch = 0;
        s_fetchSecrets = fetchSecrets;
    }

    private async Task LoadConfigAsync()
    {
        // The network request to the secrets service.
        await s_fetchSecrets(this, CancellationToken.None).ConfigureAwait(false);
        Config = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgresql://app@db.internal/app",
            ["API_KEY"] = "from-the-secrets-service",
        };
    }
}

[SingletonImplementation("config-manager", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None, SupportsReset = true,
    Description = "The article's ConfigManager: class-level config fetched once from a secrets service; reset by epoch counter.")]
public sealed class ConfigManagerAdapter : SingletonAdapter
{
    public override void ResetStaticState() => ConfigManager.StartOver((_, _) => Task.CompletedTask);

    public override ISingletonSubject Create(InitializationSeam seam)
    {
        ConfigManager.StartOver(seam.InitializeAsync);
        return new Subject();
    }

    private sealed class Subject : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await ConfigManager.GetInstanceAsync().ConfigureAwait(false);

        public Task ResetAsync()
        {
            ConfigManager.ResetInstance();
            return Task.CompletedTask;
        }
    }
}
