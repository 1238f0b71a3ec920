namespace Verification.Models;

/// <summary>
/// A <see cref="SemaphoreSlim"/> created inside a Coyote test: its count and its queue of waiters live here, and every
/// wait, release and count read of code under test comes here through <see cref="SemaphoreSlimModel"/>.
/// </summary>
/// <remarks>
/// Coyote runs one controlled operation at a time, so the state needs no lock: it changes only between scheduling points.
/// A waiter waits on a task completion source (controlled). A cancelled waiter is removed by the token's callback, which
/// <see cref="CancellationTokenSource.Cancel()"/> runs synchronously in the cancelling operation; a waiter with a finite
/// timeout is removed by an operation of its own that the scheduler may run before or after any other. Either way a
/// waiter that left the queue never takes the count, and the others go on, as <see cref="SemaphoreSlim"/> documents.
/// The base instance is never waited on; it exists so that the object is still a <see cref="SemaphoreSlim"/>.
/// </remarks>
internal sealed class ControlledSemaphore : SemaphoreSlim
{
    private readonly object _runtime = ControlledExecution.Runtime;
    private readonly int _maxCount;
    private readonly LinkedList<Waiter> _waiters = new();
    private int _count;

    public ControlledSemaphore(int initialCount, int maxCount)
        : base(initialCount, maxCount)
    {
        _count = initialCount;
        _maxCount = maxCount;
    }

    public int Count
    {
        get
        {
            CheckIteration();
            return _count;
        }
    }

    public Task<bool> Acquire(int millisecondsTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        CheckIteration();
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        if (_count > 0)
        {
            _count--;
            return Task.FromResult(true);
        }

        if (millisecondsTimeout == 0)
        {
            return Task.FromResult(false);
        }

        var waiter = new Waiter();
        var node = _waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() =>
            {
                if (Leave(node))
                {
                    waiter.Granted.TrySetCanceled(cancellationToken);
                }
            });
        }

        if (millisecondsTimeout != Timeout.Infinite)
        {
            // The timeout is an operation of its own: the scheduler chooses whether it fires before or after any release.
            _ = Task.Run(() =>
            {
                if (Leave(node))
                {
                    waiter.Granted.TrySetResult(false);
                }
            }, CancellationToken.None);
        }

        return waiter.Granted.Task;
    }

    public int Grant(int releaseCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(releaseCount, 1);
        CheckIteration();
        if (_maxCount - _count < releaseCount)
        {
            throw new SemaphoreFullException();
        }

        var previous = _count;
        _count += releaseCount;
        while (_count > 0 && _waiters.First is { } first)
        {
            Leave(first);
            _count--;
            first.Value.Granted.TrySetResult(true);
        }

        return previous;
    }

    private bool Leave(LinkedListNode<Waiter> node)
    {
        if (node.List is null)
        {
            return false;
        }

        _waiters.Remove(node);
        // Not Dispose: it waits for a callback running elsewhere, which Coyote may have paused. Unregister never waits.
        node.Value.Registration.Unregister();
        return true;
    }

    private void CheckIteration() => ControlledExecution.AssertSameIteration(_runtime, "SemaphoreSlim");

    private sealed class Waiter
    {
        // Continuations are not forced onto the thread pool: there they would run outside the scheduler (a WhenAny over
        // the wait would complete on a real thread, after Coyote had declared a deadlock). Coyote runs an awaiting
        // caller's continuation as a controlled operation of its own.
        public TaskCompletionSource<bool> Granted { get; } = new();

        public CancellationTokenRegistration Registration { get; set; }
    }
}
