namespace Verification.Implementations;

/// <summary>Waits for a task until it completes or the caller's token is cancelled, whichever comes first.</summary>
/// <remarks>
/// Built from a <see cref="TaskCompletionSource{TResult}"/> that the token completes through
/// <see cref="CancellationToken.Register(Action)"/> and the task completes through an awaiting forwarder. Coyote controls
/// both; it passes <see cref="Task.WaitAsync(CancellationToken)"/> straight through, so with that it could not choose when
/// the cancellation lands.
/// </remarks>
internal static class CancellableWait
{
    /// <summary>Waits for <paramref name="task"/>; the task itself goes on whatever happens to the wait.</summary>
    /// <param name="task">The shared work to wait for.</param>
    /// <param name="cancellationToken">Cancels this wait only, never <paramref name="task"/>.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before <paramref name="task"/> completed.</exception>
    /// <exception cref="Exception">Whatever <paramref name="task"/> threw: the same exception object.</exception>
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        var wait = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(() => wait.TrySetCanceled(cancellationToken));
        try
        {
            _ = ForwardAsync(task, wait);
            return await wait.Task.ConfigureAwait(false);
        }
        finally
        {
            // Not Dispose: it blocks until a callback running on another thread returns, and Coyote may have paused that
            // thread inside the callback, so the wait would never end. Unregister never waits.
            registration.Unregister();
        }
    }

    /// <inheritdoc cref="WaitAsync{T}(Task{T}, CancellationToken)"/>
    public static Task WaitAsync(Task task, CancellationToken cancellationToken) => WaitAsync(AsValueless(task), cancellationToken);

    private static async Task<bool> AsValueless(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }

    private static async Task ForwardAsync<T>(Task<T> task, TaskCompletionSource<T> wait)
    {
        try
        {
            wait.TrySetResult(await task.ConfigureAwait(false));
        }
#pragma warning disable CA1031 // The exception is handed on, the very object, to whoever waits.
        catch (Exception e)
#pragma warning restore CA1031
        {
            wait.TrySetException(e);
        }
    }
}
