namespace Verification.Implementations;

/// <summary>Waits for a task until it completes or the caller's token is cancelled, whichever comes first.</summary>
/// <remarks>
/// Built from a <see cref="TaskCompletionSource"/> completed by <see cref="CancellationToken.Register(Action)"/> rather than
/// <see cref="Task.WaitAsync(CancellationToken)"/>: Coyote controls the former and passes the latter straight through, so
/// only the former lets it choose when the cancellation lands. <see cref="Task.WhenAny(Task[])"/> gets an explicit array: a
/// collection expression would bind to the <c>ReadOnlySpan</c> overload, which Coyote does not control either.
/// </remarks>
internal static class CancellableWait
{
    /// <summary>Waits for <paramref name="task"/>; the task itself goes on whatever happens to the wait.</summary>
    /// <param name="task">The shared work to wait for.</param>
    /// <param name="cancellationToken">Cancels this wait only, never <paramref name="task"/>.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before <paramref name="task"/> completed.</exception>
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (!task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            var canceled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), canceled))
            {
                var first = await Task.WhenAny(new Task[] { task, canceled.Task }).ConfigureAwait(false);
                if (first != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <inheritdoc cref="WaitAsync{T}(Task{T}, CancellationToken)"/>
    public static async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        if (!task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            var canceled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), canceled))
            {
                var first = await Task.WhenAny(new Task[] { task, canceled.Task }).ConfigureAwait(false);
                if (first != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        await task.ConfigureAwait(false);
    }
}
