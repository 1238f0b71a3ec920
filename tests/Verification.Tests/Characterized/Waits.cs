namespace Verification.Tests.Characterized;

/// <summary>A caller's wait on shared work that its token can end early, built from parts Coyote controls.</summary>
/// <remarks>
/// <see cref="Task.WaitAsync(CancellationToken)"/> is passed straight through by Coyote, so the wait is a
/// <see cref="TaskCompletionSource{TResult}"/> completed either by the token's callback or by a forwarder awaiting the work.
/// </remarks>
internal static class Waits
{
    /// <param name="work">The shared work; it goes on whatever happens to this wait.</param>
    /// <param name="cancellationToken">Ends this wait only.</param>
    public static async Task<T> UntilDoneOrCancelledAsync<T>(Task<T> work, CancellationToken cancellationToken)
    {
        if (work.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await work;
        }

        var wait = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(() => wait.TrySetCanceled(cancellationToken));
        try
        {
            _ = ForwardAsync(work, wait);
            return await wait.Task;
        }
        finally
        {
            // Unregister, not Dispose: Dispose waits for a running callback, which Coyote may have paused.
            registration.Unregister();
        }
    }

    private static async Task ForwardAsync<T>(Task<T> work, TaskCompletionSource<T> wait)
    {
        try
        {
            wait.TrySetResult(await work);
        }
#pragma warning disable CA1031 // The very exception object is handed on to the waiter.
        catch (Exception e)
#pragma warning restore CA1031
        {
            wait.TrySetException(e);
        }
    }
}
