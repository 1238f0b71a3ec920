using Microsoft.Extensions.DependencyInjection;
using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Article;

/// <summary>
/// The article's FastAPI <c>RedisClient</c>, the .NET way: the container owns the one instance (a singleton registration),
/// so the class-level <c>_instance</c> goes away; what is left is the async connect, run once under the client's own lock.
/// </summary>
/// <remarks>
/// Concurrency contract: the container creates one client; one connect succeeds; a failed connect reaches the request
/// that ran it and the next request connects again. Callers cannot cancel.
/// </remarks>
public sealed class RedisClient(Func<RedisClient, CancellationToken, Task> connect) : IDisposable
{
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private bool _connected;

    /// <summary>The connection; set once connected.</summary>
    public string? Connection { get; private set; }

    /// <summary>Connects the client unless it already is.</summary>
    /// <exception cref="Exception">Whatever the connect threw, for the caller whose connect failed.</exception>
    public async Task EnsureConnectedAsync()
    {
        if (Volatile.Read(ref _connected))
        {
            return;
        }

        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_connected)
            {
                await connect(this, CancellationToken.None).ConfigureAwait(false);
                Connection = "Simulated Redis Connection";
                Volatile.Write(ref _connected, true);
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    public void Dispose() => _connectLock.Dispose();
}

/// <summary>
/// The article's async dependency <c>get_redis_client</c>: resolved for each request from the request's scope, it hands the
/// endpoint the singleton client once that client is connected (FastAPI's <c>Depends(get_redis_client)</c>).
/// </summary>
/// <param name="client">The container's one client.</param>
public sealed class RedisClientDependency(RedisClient client)
{
    /// <summary>The connected client.</summary>
    /// <exception cref="Exception">Whatever the connect threw, for the request whose connect failed.</exception>
    public async Task<RedisClient> GetAsync()
    {
        await client.EnsureConnectedAsync().ConfigureAwait(false);
        return client;
    }
}

/// <summary>Registration, as an application's startup would do it.</summary>
public static class RedisClientServiceCollectionExtensions
{
    /// <summary>Registers the client as a singleton and its async dependency per request.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="connect">The client's async connect.</param>
    public static IServiceCollection AddRedisClient(this IServiceCollection services, Func<RedisClient, CancellationToken, Task> connect) =>
        services
            .AddSingleton(_ => new RedisClient(connect))
            .AddScoped<RedisClientDependency>();
}

[SingletonImplementation("injected-redis-client", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "The article's FastAPI RedisClient: a DI singleton connected by an async dependency resolved per request.")]
public sealed class InjectedRedisClientAdapter : SingletonAdapter
{
    /// <summary>
    /// By default the container compiles a service's resolver on the thread pool after its second resolution, concurrency
    /// Coyote does not control; this switch keeps the reflection-based resolver, the one AOT builds use. It is read once per
    /// process, when the first provider is built, so it is set before that.
    /// </summary>
    private const string DisableDynamicEngine = "Microsoft.Extensions.DependencyInjection.DisableDynamicEngine";

    public override ISingletonSubject Create(InitializationSeam seam)
    {
        AppContext.SetSwitch(DisableDynamicEngine, isEnabled: true);
        return new Subject(new ServiceCollection().AddRedisClient(seam.InitializeAsync).BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Each get is one request: a scope of its own, the dependency resolved from it, awaited.</summary>
    /// <remarks>
    /// The scope is disposed synchronously: Coyote 1.7.11's rewrite of <c>AsyncServiceScope.DisposeAsync</c> in
    /// Microsoft.Extensions.DependencyInjection 10.0.0 throws InvalidProgramException, and nothing in the scope needs async
    /// disposal.
    /// </remarks>
    private sealed class Subject(ServiceProvider services) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            using var request = services.CreateScope();
            var redis = request.ServiceProvider.GetRequiredService<RedisClientDependency>();
            return await redis.GetAsync().ConfigureAwait(false);
        }
    }
}
