using Verification.Core;
using Verification.Specs;

namespace Verification.Tests.Characterized;

// Small implementations whose semantics are known by construction, to check that the fingerprint finds them. They are
// internal, so the registry (which looks at exported types) never lists them and verify never runs them.

/// <summary>Caches the initialization task, failed or not; callers cannot cancel. Declares nothing, so it is judged as the defaults.</summary>
[SingletonImplementation("test-cached-task", Description = "Caches the first task, even a failed one; declares nothing.")]
internal sealed class CachedTaskAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<Resource>? _task;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            Task<Resource> task;
            lock (_gate)
            {
                task = _task ??= seam.CreateInitializedAsync(CancellationToken.None); // shared: no caller's token
            }

            return await task;
        }
    }
}

/// <summary>Starts a new attempt after a failure; a caller's token ends its own wait only.</summary>
[SingletonImplementation("test-caller-cancellable", Kind = ImplementationKind.Correct, Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.Caller)]
internal sealed class CallerCancellableAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<Resource>? _task;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            Task<Resource> task;
            lock (_gate)
            {
                if (_task is null || _task.IsFaulted || _task.IsCanceled)
                {
                    _task = seam.CreateInitializedAsync(CancellationToken.None); // shared: no caller's token
                }

                task = _task;
            }

            return await Waits.UntilDoneOrCancelledAsync(task, cancellationToken);
        }
    }
}

/// <summary>
/// As <see cref="CallerCancellableAdapter"/>, and the attempt is cancelled when its last waiter cancels. A caller who arrives
/// while an abandoned attempt winds down starts a new one after it ends, so attempts never overlap.
/// </summary>
[SingletonImplementation("test-caller-abandon", Kind = ImplementationKind.Correct, Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.CallerAbandon)]
internal sealed class CallerAbandonAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

#pragma warning disable CA1001 // One subject per iteration, dropped with it; the harness has no dispose hook.
    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
#pragma warning restore CA1001
    {
        private readonly object _gate = new();
        private Task<Resource>? _task;
        private CancellationTokenSource? _abandon;
        private bool _abandoned;
        private int _waiters;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            Task<Resource> task;
            lock (_gate)
            {
                if (_task is null || _task.IsFaulted || _task.IsCanceled || _abandoned)
                {
                    _abandon = new CancellationTokenSource();
                    _task = AfterAsync(_abandoned ? _task : null, _abandon.Token);
                    _abandoned = false;
                    _waiters = 0;
                }

                task = _task;
                _waiters++;
            }

            try
            {
                return await Waits.UntilDoneOrCancelledAsync(task, cancellationToken);
            }
            finally
            {
                CancellationTokenSource? abandon = null;
                lock (_gate)
                {
                    if (task == _task && --_waiters == 0 && !task.IsCompleted)
                    {
                        (abandon, _abandoned) = (_abandon, true);
                    }
                }

                abandon?.Cancel();
            }
        }

        private async Task<Resource> AfterAsync(Task<Resource>? abandoned, CancellationToken cancellationToken)
        {
            if (abandoned is not null)
            {
                try
                {
                    await abandoned;
                }
#pragma warning disable CA1031 // Only its end matters: it was given up, whatever it came to.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }

            return await seam.CreateInitializedAsync(cancellationToken);
        }
    }
}

/// <summary>Retries after a failure, callers cannot cancel, and a reset drops the instance so the next get starts over.</summary>
[SingletonImplementation("test-resettable", Kind = ImplementationKind.Correct, Failure = FailurePolicy.Retry, SupportsReset = true)]
internal sealed class ResettableAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<Resource>? _task;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            Task<Resource> task;
            lock (_gate)
            {
                if (_task is null || _task.IsFaulted)
                {
                    _task = seam.CreateInitializedAsync(CancellationToken.None); // callers cannot cancel
                }

                task = _task;
            }

            return await task;
        }

        public Task ResetAsync()
        {
            lock (_gate)
            {
                _task = null;
            }

            return Task.CompletedTask;
        }
    }
}
