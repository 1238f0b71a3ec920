namespace Verification.Models;

/// <summary>
/// <see cref="SemaphoreSlim"/> with its tokens and timeouts honoured: Coyote 1.7.11's own model ignores both, so a
/// waiter cancelled behind a lock holder waited for ever.
/// </summary>
/// <remarks>A semaphore created outside a Coyote test is a real one and every call goes to it.</remarks>
[ModelOf(typeof(SemaphoreSlim))]
public static class SemaphoreSlimModel
{
    public static SemaphoreSlim New(int initialCount) => New(initialCount, int.MaxValue);

    public static SemaphoreSlim New(int initialCount, int maxCount) =>
        ControlledExecution.IsActive ? new ControlledSemaphore(initialCount, maxCount) : new SemaphoreSlim(initialCount, maxCount);

    public static int get_CurrentCount(SemaphoreSlim semaphore) =>
        semaphore is ControlledSemaphore controlled ? controlled.Count : semaphore.CurrentCount;

    public static Task WaitAsync(SemaphoreSlim semaphore) => WaitAsync(semaphore, Timeout.Infinite, CancellationToken.None);

    public static Task WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken) =>
        WaitAsync(semaphore, Timeout.Infinite, cancellationToken);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout) =>
        WaitAsync(semaphore, millisecondsTimeout, CancellationToken.None);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout) =>
        WaitAsync(semaphore, Timeouts.Milliseconds(timeout), CancellationToken.None);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(semaphore, Timeouts.Milliseconds(timeout), cancellationToken);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        semaphore is ControlledSemaphore controlled
            ? controlled.Acquire(millisecondsTimeout, cancellationToken)
            : semaphore.WaitAsync(millisecondsTimeout, cancellationToken);

    public static void Wait(SemaphoreSlim semaphore) => Wait(semaphore, Timeout.Infinite, CancellationToken.None);

    public static void Wait(SemaphoreSlim semaphore, CancellationToken cancellationToken) =>
        Wait(semaphore, Timeout.Infinite, cancellationToken);

    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout) =>
        Wait(semaphore, millisecondsTimeout, CancellationToken.None);

    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout) =>
        Wait(semaphore, Timeouts.Milliseconds(timeout), CancellationToken.None);

    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        Wait(semaphore, Timeouts.Milliseconds(timeout), cancellationToken);

    // A blocking wait blocks the operation on the controlled task, which Coyote sees; a cancelled one throws
    // OperationCanceledException itself, not wrapped, as SemaphoreSlim.Wait does.
    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        semaphore is ControlledSemaphore controlled
            ? controlled.Acquire(millisecondsTimeout, cancellationToken).GetAwaiter().GetResult()
            : semaphore.Wait(millisecondsTimeout, cancellationToken);

    public static int Release(SemaphoreSlim semaphore) => Release(semaphore, 1);

    public static int Release(SemaphoreSlim semaphore, int releaseCount) =>
        semaphore is ControlledSemaphore controlled ? controlled.Grant(releaseCount) : semaphore.Release(releaseCount);
}
