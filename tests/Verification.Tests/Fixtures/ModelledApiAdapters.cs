using Microsoft.FSharp.Control;
using Microsoft.FSharp.Core;
using Verification.Core;

namespace Verification.Tests.Fixtures;

// Correct implementations written the way libraries write them, on APIs that Coyote 1.7.11 misses or models wrongly and
// the harness models (src/Verification.Models). Before the models each was misjudged: a false violation or an
// inconclusive. None is registered; tests build their Implementation records.

/// <summary>Correct double-checked locking on <see cref="System.Threading.Lock"/> (C# 13's <c>lock</c> on a Lock).</summary>
public sealed class SystemThreadingLockAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly System.Threading.Lock _gate = new();
        private Task<Resource>? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _instance ??= seam.CreateInitializedAsync(CancellationToken.None);
            }

            return await _instance;
        }
    }
}

/// <summary>
/// Asserts, as some well-known async-lazy libraries do, that it is not called while holding its own lock, with
/// <see cref="Monitor.IsEntered(object)"/>. Coyote's model threw <see cref="SynchronizationLockException"/> for an object
/// nobody had locked yet, so every call failed (a false FAILURE, and no attempt ever started).
/// </summary>
public sealed class MonitorIsEnteredAssertingAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _sync = new();
        private Task<Resource>? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            if (Monitor.IsEntered(_sync))
            {
                throw new InvalidOperationException("GetAsync must not be called while holding the lazy's lock.");
            }

            lock (_sync)
            {
                _instance ??= seam.CreateInitializedAsync(CancellationToken.None);
            }

            return await _instance;
        }
    }
}

/// <summary>
/// Lets a caller stop waiting the way some libraries do: only when its token can be cancelled, it races the shared
/// initialization against <c>Task.Delay(Timeout.Infinite, token)</c>, and if the delay wins without a cancellation it
/// throws a timeout of its own. Coyote's model ended every non-zero delay after a few steps, so that timeout fired at
/// once: a FAILURE that no run on real threads shows. Cancellation policy caller: a cancel ends only the caller's wait.
/// </summary>
public sealed class InfiniteDelayRaceAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<Resource>? _instance;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            Task<Resource> shared;
            lock (_gate)
            {
                shared = _instance ??= seam.CreateInitializedAsync(CancellationToken.None);
            }

            if (!cancellationToken.CanBeCanceled)
            {
                return await shared;
            }

            var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
            if (await Task.WhenAny(shared, cancelled) != shared)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException("The initialization did not complete in time.");
            }

            return await shared;
        }
    }
}

/// <summary>
/// Correct, but its <see cref="Lazy{T}"/> is built inside FSharp.Core, an assembly the build leaves out of Coyote's
/// rewrite (and so out of the harness's models): its lock would be invisible to the scheduler. No verdict is possible,
/// and the diagnosis names the assembly.
/// </summary>
public sealed class LazyFromUnrewrittenLibraryAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly Lazy<Task<Resource>> _lazy =
            LazyExtensions.Create(FSharpFunc<Unit, Task<Resource>>.FromConverter(_ => seam.CreateInitializedAsync(CancellationToken.None)));

        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await _lazy.Value;
    }
}
