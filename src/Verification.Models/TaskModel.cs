namespace Verification.Models;

/// <summary>
/// <see cref="Task.Delay(int, CancellationToken)"/>, <see cref="Task.WaitAsync(CancellationToken)"/> and the
/// <c>params ReadOnlySpan</c> overloads of <see cref="Task.WhenAll(Task[])"/> and <see cref="Task.WhenAny(Task[])"/>,
/// with time and cancellation as the scheduler's choices.
/// </summary>
/// <remarks>
/// Coyote 1.7.11 ends any non-zero delay after a few scheduling steps and honours a delay's token only if it is already
/// cancelled, passes <c>WaitAsync</c> straight through (a real timer, an uncontrolled token), and does not control the
/// span overloads at all. Here a finite delay or timeout is an operation of its own that the scheduler may run before or
/// after any other pending operation; an infinite one never elapses; a token cancels the wait when, and only when,
/// <see cref="CancellationTokenSource.Cancel()"/> runs. Outside a Coyote test every call goes to the real API.
/// </remarks>
[ModelOf(typeof(Task))]
public static class TaskModel
{
    public static Task Delay(int millisecondsDelay) => Delay(millisecondsDelay, CancellationToken.None);

    public static Task Delay(TimeSpan delay) => Delay(Timeouts.Milliseconds(delay), CancellationToken.None);

    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        Delay(Timeouts.Milliseconds(delay), cancellationToken);

    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken)
    {
        if (!ControlledExecution.IsActive)
        {
            return Task.Delay(millisecondsDelay, cancellationToken);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, Timeout.Infinite);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (millisecondsDelay == 0)
        {
            return Task.CompletedTask;
        }

        // A TaskCompletionSource<T>, whose continuations stay under the scheduler: see ControlledSemaphore.Waiter.
        var elapsed = new TaskCompletionSource<bool>();
        var registration = cancellationToken.Register(() => elapsed.TrySetCanceled(cancellationToken));
        if (millisecondsDelay != Timeout.Infinite)
        {
            _ = Task.Run(() =>
            {
                if (elapsed.TrySetResult(true))
                {
                    registration.Unregister();
                }
            }, CancellationToken.None);
        }

        return elapsed.Task;
    }

    public static Task WaitAsync(Task task, CancellationToken cancellationToken) =>
        WaitAsync(task, Timeout.InfiniteTimeSpan, cancellationToken);

    public static Task WaitAsync(Task task, TimeSpan timeout) => WaitAsync(task, timeout, CancellationToken.None);

    public static Task WaitAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken) =>
        ControlledExecution.IsActive
            ? TaskOfResultModel.WaitAsync(Valueless(task), timeout, cancellationToken)
            : task.WaitAsync(timeout, cancellationToken);

    public static Task WhenAll(ReadOnlySpan<Task> tasks) => Task.WhenAll(tasks.ToArray());

    public static Task<TResult[]> WhenAll<TResult>(ReadOnlySpan<Task<TResult>> tasks) => Task.WhenAll(tasks.ToArray());

    public static Task<Task> WhenAny(ReadOnlySpan<Task> tasks) => Task.WhenAny(tasks.ToArray());

    public static Task<Task<TResult>> WhenAny<TResult>(ReadOnlySpan<Task<TResult>> tasks) => Task.WhenAny(tasks.ToArray());

    private static async Task<bool> Valueless(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }
}
