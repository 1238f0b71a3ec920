using Verification.Core;

namespace Verification.Tests.Fixtures;

// Implementations that misbehave on purpose, each to be given a precise diagnosis. None is registered (no attribute):
// tests build their Implementation records, so they never join the catalog's matrix.

/// <summary>Throws while being built.</summary>
public sealed class ThrowsInConstructorAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => throw new InvalidOperationException("connection string missing");
}

/// <summary>Returns null instead of an instance.</summary>
public sealed class ReturnsNullAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject();

    private sealed class Subject : ISingletonSubject
    {
        public Task<object?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(null);
    }
}

/// <summary>Initializes and returns a new instance on every call.</summary>
public sealed class NewInstanceEveryCallAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await seam.CreateInitializedAsync(CancellationToken.None);
    }
}

/// <summary>Never completes: waits on a task nothing will ever complete.</summary>
public sealed class NeverCompletesAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject();

    private sealed class Subject : ISingletonSubject
    {
        private readonly TaskCompletionSource<object?> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<object?> GetAsync(CancellationToken cancellationToken) => _never.Task;
    }
}

/// <summary>Deadlocks: two locks taken in opposite orders by alternate callers, with an await in between.</summary>
public sealed class LockOrderDeadlockAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject, IDisposable
    {
        private readonly SemaphoreSlim _first = new(1, 1);
        private readonly SemaphoreSlim _second = new(1, 1);
        private int _calls;
        private object? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            var (a, b) = Interlocked.Increment(ref _calls) % 2 == 0 ? (_first, _second) : (_second, _first);
            await a.WaitAsync(CancellationToken.None);
            try
            {
                await Task.Yield();
                await b.WaitAsync(CancellationToken.None);
                try
                {
                    return _instance ??= await seam.CreateInitializedAsync(CancellationToken.None);
                }
                finally
                {
                    b.Release();
                }
            }
            finally
            {
                a.Release();
            }
        }

        public void Dispose()
        {
            _first.Dispose();
            _second.Dispose();
        }
    }
}

/// <summary>Completes its initialization from a real timer, outside the scheduler.</summary>
public sealed class TimerCompletedAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<object?>? _instance;

        public Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _instance ??= StartAsync();
            }
        }

        private async Task<object?> StartAsync()
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var timer = new Timer(_ => started.TrySetResult(), null, 1, Timeout.Infinite);
            await started.Task;
            return await seam.CreateInitializedAsync(CancellationToken.None);
        }
    }
}

/// <summary>The lock-free race (check, await, create), stamping each instance with the clock: its only uncontrolled calls read time.</summary>
public sealed class ClockStampedRaceAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Stamped
    {
        public DateTime CreatedAt { get; } = DateTime.UtcNow;
    }

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private Stamped? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            if (_instance is null)
            {
                var instance = new Stamped();
                await seam.InitializeAsync(instance, CancellationToken.None);
                _instance = instance;
            }

            return _instance;
        }
    }
}

/// <summary>Livelocks: waits for the instance by spinning on a flag that is never set.</summary>
public sealed class SpinsForeverAdapter : SingletonAdapter
{
    /// <summary>
    /// Set by a test that runs the spinner on real threads, and cancelled when it is done: no engine can stop a thread that
    /// spins, and a spinner left behind would take a core from every test after it. Subjects built while it is unset (every
    /// Coyote run) spin for ever.
    /// </summary>
    internal static CancellationTokenSource? HaltRealThreads { get; set; }

    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(HaltRealThreads?.Token ?? CancellationToken.None);

    private sealed class Subject(CancellationToken halt) : ISingletonSubject
    {
        // Only an initializer that never comes would set it.
        private int _ready;

        public void MarkReady() => Volatile.Write(ref _ready, 1);

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            while (Volatile.Read(ref _ready) == 0 && !halt.IsCancellationRequested)
            {
                await Task.Yield();
            }

            return this;
        }
    }
}

/// <summary>Blocks synchronously on the initialization (<c>.Result</c>) while holding the lock its continuation needs.</summary>
public sealed class BlocksOnResultInsideLockAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private object? _instance;
        private int _initializations;

        public Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _instance ??= InitializeAsync().Result;
                return Task.FromResult<object?>(_instance);
            }
        }

        private async Task<object> InitializeAsync()
        {
            var resource = await seam.CreateInitializedAsync(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _initializations++;
            }

            return resource;
        }
    }
}

/// <summary>Runs its initialization on the real thread pool, outside the scheduler.</summary>
public sealed class QueuesToThreadPoolAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private TaskCompletionSource<object?>? _instance;

        public Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_instance is null)
                {
                    var instance = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _instance = instance;
                    ThreadPool.QueueUserWorkItem(async _ =>
                    {
                        try
                        {
                            instance.SetResult(await seam.CreateInitializedAsync(CancellationToken.None).ConfigureAwait(false));
                        }
#pragma warning disable CA1031 // Everything goes to the callers: an exception escaping this async lambda would end the process.
                        catch (Exception e)
#pragma warning restore CA1031
                        {
                            instance.SetException(e);
                        }
                    });
                }

                return _instance.Task;
            }
        }
    }
}
