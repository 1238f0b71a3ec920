using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Idioms;

/// <summary>
/// An async lazy that retries after a failure, lock-free: the current attempt is a <see cref="TaskCompletionSource{TResult}"/>
/// installed with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>, so exactly one caller starts each attempt.
/// </summary>
/// <remarks>
/// Concurrency contract: one attempt at a time and one success per epoch; every caller of an epoch gets the same value, only
/// once it is produced. A failed attempt is removed before its waiters see the failure, so they all get its exception and
/// the next caller starts a new attempt. A caller's token cancels that caller's wait at once; the attempt goes on with
/// <see cref="CancellationToken.None"/>. <see cref="Reset"/> starts a new epoch: it swaps the current attempt out, so a
/// setup in flight completes only for the callers already waiting on it.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="factory">The async initialization; it is never cancelled by a caller.</param>
public sealed class RetryingAsyncLazy<T>(Func<CancellationToken, Task<T>> factory)
{
    private TaskCompletionSource<T>? _current;

    /// <summary>Gets the value, starting an attempt if none is current.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait only; the attempt continues for the others.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the value was ready.</exception>
    /// <exception cref="Exception">Whatever the attempt this caller waited on threw.</exception>
    public Task<T> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is null)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<T>(cancellationToken);
            }

            var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            current = Interlocked.CompareExchange(ref _current, mine, null);
            if (current is null)
            {
                current = mine;
                _ = RunAsync(mine);
            }
        }

        return current.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Starts a new epoch: the next caller starts a new attempt. An attempt in flight still completes for its waiters.</summary>
    public void Reset() => Interlocked.Exchange(ref _current, null);

    private async Task RunAsync(TaskCompletionSource<T> attempt)
    {
        try
        {
            attempt.SetResult(await factory(CancellationToken.None).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // Every failure goes to the waiters, the very exception object.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Forget the attempt before anyone can see it failed, so whoever comes next starts afresh; unless a reset or a
            // newer attempt already replaced it.
            Interlocked.CompareExchange(ref _current, null, attempt);
            attempt.SetException(e);
        }
    }
}

[SingletonImplementation("retrying-async-lazy", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.Caller, SupportsReset = true,
    Description = "Lock-free async lazy: TaskCompletionSource installed by CompareExchange, removed on failure; reset swaps it out.")]
public sealed class RetryingAsyncLazyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new RetryingAsyncLazy<Resource>(seam.CreateInitializedAsync));

    private sealed class Subject(RetryingAsyncLazy<Resource> lazy) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.GetValueAsync(cancellationToken).ConfigureAwait(false);

        public Task ResetAsync()
        {
            lazy.Reset();
            return Task.CompletedTask;
        }
    }
}
