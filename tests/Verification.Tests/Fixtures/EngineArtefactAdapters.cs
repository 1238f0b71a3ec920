using Microsoft.Coyote.Runtime;
using Verification.Core;

namespace Verification.Tests.Fixtures;

// Implementations whose runs under Coyote show the engine rather than themselves: each is correct on real threads, and the
// harness must say it cannot judge them rather than report a violation. None is registered.

/// <summary>
/// Races its shared initialization against a minute-long timeout. On real threads the timeout never fires in a test; under
/// Coyote a finite delay elapses whenever the scheduler chooses, so in some schedules callers time out where nothing hung.
/// </summary>
public sealed class RacesATimeoutAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<Resource>? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            Task<Resource> initialization;
            lock (_gate)
            {
                initialization = _instance ??= seam.CreateInitializedAsync(CancellationToken.None);
            }

            var timeout = Task.Delay(TimeSpan.FromMinutes(1), CancellationToken.None);
            if (await Task.WhenAny(new Task[] { initialization, timeout }) == timeout)
            {
                throw new TimeoutException("The initialization did not finish within a minute.");
            }

            return await initialization;
        }
    }
}

/// <summary>Every get throws its own exception before reaching the initialization: nothing ever starts an attempt.</summary>
public sealed class NeverInitializesAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject();

    private sealed class Subject : ISingletonSubject
    {
        public Task<object?> GetAsync(CancellationToken cancellationToken) =>
            Task.FromException<object?>(new InvalidOperationException("Not configured: no connection string."));
    }
}

/// <summary>
/// Correct double-checked locking that gives up at once on a token already cancelled: a scenario whose every get is
/// cancelled before it starts legitimately starts no initialization.
/// </summary>
public sealed class ChecksTokenFirstAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<Resource>? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                _instance ??= seam.CreateInitializedAsync(CancellationToken.None);
            }

            return await _instance;
        }
    }
}

/// <summary>
/// Deadlocks: the first caller takes the lock, initializes (attempt 1 succeeds), then waits for ever on a task nothing
/// completes, still holding the lock, before it publishes the instance. The others wait on the lock. On Coyote's own
/// SemaphoreSlim model, tearing that deadlocked iteration down let a waiter through the lock, outside the schedule; the
/// waiter found no instance and started a second initialization. Real threads would never let it through.
/// </summary>
public sealed class DeadlocksHoldingTheLockAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject, IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private object? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            await _lock.WaitAsync(CancellationToken.None);
            try
            {
                if (_instance is null)
                {
                    var instance = await seam.CreateInitializedAsync(CancellationToken.None);
                    await _never.Task;
                    _instance = instance;
                }

                return _instance;
            }
            finally
            {
                _lock.Release();
            }
        }

        public void Dispose() => _lock.Dispose();
    }
}

/// <summary>
/// Holds a <see cref="ReaderWriterLockSlim"/>, a real lock outside Coyote's model, across a scheduling point: another caller
/// then blocks a real thread on it where Coyote cannot see, and Coyote reports a "potential deadlock" in some iterations.
/// </summary>
public sealed class UnmodelledLockAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject, IDisposable
    {
        private readonly ReaderWriterLockSlim _gate = new();
        private Task<Resource>? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            _gate.EnterWriteLock();
            try
            {
                SchedulingPoint.Interleave();
                _instance ??= seam.CreateInitializedAsync(CancellationToken.None);
            }
            finally
            {
                _gate.ExitWriteLock();
            }

            return await _instance;
        }

        public void Dispose() => _gate.Dispose();
    }
}

/// <summary>
/// Double-checked locking that waits on the lock with the caller's token, as .NET code usually does. Coyote 1.7.11's model of
/// <see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/> ignores the token, so a cancelled waiter behind a caller holding
/// the lock over a hanging attempt never leaves, where a real one would.
/// </summary>
public sealed class WaitsWithTheCallersTokenAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject, IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private Resource? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _instance) is { } ready)
            {
                return ready;
            }

            await _lock.WaitAsync(cancellationToken);
            try
            {
                return _instance ??= await seam.CreateInitializedAsync(cancellationToken);
            }
            finally
            {
                _lock.Release();
            }
        }

        public void Dispose() => _lock.Dispose();
    }
}
