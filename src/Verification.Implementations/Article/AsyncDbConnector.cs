using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Article;

/// <summary>
/// The article's <c>AsyncDBConnector</c> as written, statics and all: a class-level instance and lock, a check, the lock, a
/// second check, the awaited <c>_connect</c>, then publication. With the article's reset hook for tests, made safe.
/// </summary>
/// <remarks>
/// Concurrency contract: exactly one setup succeeds per epoch; every caller gets the same connector, only after its setup
/// completed. A failed setup reaches the caller that ran it and releases the lock, and the next caller tries again. Callers
/// cannot cancel. <see cref="ResetInstanceAsync"/> starts a new epoch; it takes the class lock, so it waits for a setup in
/// flight and that setup can never publish into the new epoch.
/// </remarks>
public sealed class AsyncDbConnector
{
    private static SemaphoreSlim s_lock = new(1, 1);
    private static AsyncDbConnector? s_instance;
    private static Func<AsyncDbConnector, CancellationToken, Task> s_connect = (_, _) => Task.CompletedTask;

    private AsyncDbConnector()
    {
    }

    /// <summary>The connection; set by the setup.</summary>
    public string? Connection { get; private set; }

    /// <summary>Gets the connector, connecting it on first use.</summary>
    /// <exception cref="Exception">Whatever the setup threw, for the caller whose setup failed.</exception>
    public static async Task<AsyncDbConnector> GetInstanceAsync()
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

            var instance = new AsyncDbConnector();
            await instance.ConnectAsync().ConfigureAwait(false);
            Volatile.Write(ref s_instance, instance);
            return instance;
        }
        finally
        {
            s_lock.Release();
        }
    }

    /// <summary>
    /// The article's <c>reset_instance</c> hook for tests: the next get connects anew. Unlike the article's one-liner it takes
    /// the class lock, so a connect in flight finishes (and publishes) first and is then forgotten.
    /// </summary>
    public static async Task ResetInstanceAsync()
    {
        await s_lock.WaitAsync().ConfigureAwait(false);
        try
        {
            Volatile.Write(ref s_instance, null);
        }
        finally
        {
            s_lock.Release();
        }
    }

    /// <summary>Forgets everything class-level, lock included, and sets the setup: a fresh process.</summary>
    internal static void StartOver(Func<AsyncDbConnector, CancellationToken, Task> connect)
    {
        s_lock = new SemaphoreSlim(1, 1);
        s_instance = null;
        s_connect = connect;
    }

    private async Task ConnectAsync()
    {
        await s_connect(this, CancellationToken.None).ConfigureAwait(false);
        Connection = "Connected to DB";
    }
}

[SingletonImplementation("async-db-connector", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None, SupportsReset = true,
    Description = "The article's AsyncDBConnector with class-level instance and lock; its reset hook takes the lock.")]
public sealed class AsyncDbConnectorAdapter : SingletonAdapter
{
    public override void ResetStaticState() => AsyncDbConnector.StartOver((_, _) => Task.CompletedTask);

    public override ISingletonSubject Create(InitializationSeam seam)
    {
        AsyncDbConnector.StartOver(seam.InitializeAsync);
        return new Subject();
    }

    private sealed class Subject : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await AsyncDbConnector.GetInstanceAsync().ConfigureAwait(false);

        public Task ResetAsync() => AsyncDbConnector.ResetInstanceAsync();
    }
}
