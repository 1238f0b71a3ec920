namespace Verification.Models;

/// <summary><see cref="Task{TResult}.WaitAsync(CancellationToken)"/> with its token and timeout as scheduler choices.</summary>
/// <remarks>See <see cref="TaskModel"/>. The waited task goes on whatever happens to the wait.</remarks>
[ModelOf(typeof(Task<>))]
public static class TaskOfResultModel
{
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, CancellationToken cancellationToken) =>
        WaitAsync(task, Timeout.InfiniteTimeSpan, cancellationToken);

    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout) =>
        WaitAsync(task, timeout, CancellationToken.None);

    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!ControlledExecution.IsActive)
        {
            return task.WaitAsync(timeout, cancellationToken);
        }

        var milliseconds = Timeouts.Milliseconds(timeout);
        if (task.IsCompleted)
        {
            return task;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        if (milliseconds == 0)
        {
            return Task.FromException<TResult>(new TimeoutException());
        }

        // Continuations stay under the scheduler: see ControlledSemaphore.Waiter.
        var outcome = new TaskCompletionSource<TResult>();
        var registration = cancellationToken.Register(() => outcome.TrySetCanceled(cancellationToken));
        if (milliseconds != Timeout.Infinite)
        {
            _ = Task.Run(() => outcome.TrySetException(new TimeoutException()), CancellationToken.None);
        }

        _ = ForwardAsync(task, outcome, registration);
        return outcome.Task;
    }

    // Hands the task's own outcome on: its result, the very exception object, or its cancellation.
    private static async Task ForwardAsync<TResult>(Task<TResult> task, TaskCompletionSource<TResult> outcome, CancellationTokenRegistration registration)
    {
        try
        {
            outcome.TrySetResult(await task.ConfigureAwait(false));
        }
        catch (OperationCanceledException e) when (task.IsCanceled)
        {
            outcome.TrySetCanceled(e.CancellationToken);
        }
#pragma warning disable CA1031 // The exception is handed on to whoever waits.
        catch (Exception)
#pragma warning restore CA1031
        {
            outcome.TrySetException(task.Exception!.InnerExceptions);
        }
        finally
        {
            registration.Unregister();
        }
    }
}
