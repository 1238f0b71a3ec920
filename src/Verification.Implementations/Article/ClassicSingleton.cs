using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Article;

/// <summary>
/// The article's first snippet, the classic singleton (<c>__new__</c> hands out the one instance), in C#: a class-level
/// instance created under a lock on first use by a synchronous constructor. A constructor cannot await (the article's
/// "await in __init__" pitfall), so it starts the async setup and keeps the task; callers await that task.
/// </summary>
/// <remarks>
/// Concurrency contract: one instance per process and one setup, started by whichever caller creates the instance; a
/// caller receives the instance only once that setup has completed. The setup belongs to the instance, which is created
/// once, so a failed setup stays failed: every caller gets the same exception. Callers cannot cancel.
/// </remarks>
public sealed class ClassicSingleton
{
    private static object s_lock = new();
    private static ClassicSingleton? s_instance;
    private static Func<ClassicSingleton, CancellationToken, Task> s_connect = (_, _) => Task.CompletedTask;

    private readonly Task _setup;

    private ClassicSingleton() => _setup = s_connect(this, CancellationToken.None);

    /// <summary>The one instance, created on first use. Its setup may still be running: await <see cref="GetInstanceAsync"/>.</summary>
    public static ClassicSingleton Instance
    {
        get
        {
            lock (s_lock)
            {
                return s_instance ??= new ClassicSingleton();
            }
        }
    }

    /// <summary>Gets the one instance once its async setup has completed.</summary>
    /// <exception cref="Exception">Whatever the setup threw, to every caller.</exception>
    public static async Task<ClassicSingleton> GetInstanceAsync()
    {
        var instance = Instance;
        await instance._setup.ConfigureAwait(false);
        return instance;
    }

    /// <summary>Forgets the instance and sets the setup the next one runs; a fresh process, as far as this class can tell.</summary>
    internal static void StartOver(Func<ClassicSingleton, CancellationToken, Task> connect)
    {
        s_lock = new object();
        s_instance = null;
        s_connect = connect;
    }
}

[SingletonImplementation("classic-singleton", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.None,
    Description = "The article's classic singleton: lock, check, create; the constructor starts the async setup, callers await it.")]
public sealed class ClassicSingletonAdapter : SingletonAdapter
{
    public override void ResetStaticState() => ClassicSingleton.StartOver((_, _) => Task.CompletedTask);

    public override ISingletonSubject Create(InitializationSeam seam)
    {
        ClassicSingleton.StartOver(seam.InitializeAsync);
        return new Subject();
    }

    private sealed class Subject : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await ClassicSingleton.GetInstanceAsync().ConfigureAwait(false);
    }
}
