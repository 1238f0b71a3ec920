using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Idioms;

/// <summary>
/// An async lazy whose shared initialization is cancelled once nobody wants it: <c>lock(object)</c> guards the state, a
/// <see cref="TaskCompletionSource{TResult}"/> carries the result, and each attempt counts the callers waiting for it.
/// </summary>
/// <remarks>
/// Concurrency contract: one attempt at a time and one success; every caller gets the same value, only once it is
/// produced. A failure reaches the callers waiting for that attempt and the next caller starts a new one. A caller's token
/// cancels that caller's wait at once; when the last caller waiting for an attempt cancels, the attempt's own token is
/// cancelled. A caller who arrives while an abandoned attempt winds down waits for it to end (it may still have
/// succeeded) and then takes its value or starts a new attempt, so attempts never overlap.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="factory">The async initialization; its token is cancelled when every caller waiting for it has given up.</param>
public sealed class AbandonableLazy<T>(Func<CancellationToken, Task<T>> factory)
    where T : class
{
    private readonly object _gate = new();
    private T? _value;
    private Attempt? _attempt;

    /// <summary>Gets the value, starting an attempt if none is running.</summary>
    /// <param name="cancellationToken">
    /// Cancels this caller's wait; if this caller was the last one waiting for the attempt, cancels the attempt too.
    /// </param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the value was ready.</exception>
    /// <exception cref="Exception">Whatever the attempt this caller waited for threw.</exception>
    public async Task<T> GetValueAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Attempt attempt;
            var start = false;
            var winding = false;
            lock (_gate)
            {
                if (_value is { } value)
                {
                    return value;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (_attempt is null)
                {
                    _attempt = new Attempt();
                    start = true;
                }

                attempt = _attempt;
                winding = attempt.Abandoned;
                if (!winding)
                {
                    attempt.Waiters++;
                }
            }

            if (winding)
            {
                await attempt.Ended.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (start)
            {
                _ = RunAsync(attempt);
            }

            try
            {
                return await attempt.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Leave(attempt);
                throw;
            }
        }
    }

    private void Leave(Attempt attempt)
    {
        lock (_gate)
        {
            if (--attempt.Waiters > 0 || attempt.Finished)
            {
                return;
            }

            attempt.Abandoned = true;
        }

        attempt.Cancellation.Cancel();
    }

    private async Task RunAsync(Attempt attempt)
    {
        try
        {
            var value = await factory(attempt.Cancellation.Token).ConfigureAwait(false);
            Finish(attempt, value);
            attempt.Result.SetResult(value);
        }
#pragma warning disable CA1031 // Every failure goes to the waiters, the very exception object.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Finish(attempt, null);
            attempt.Result.SetException(e);
        }

        attempt.Ended.SetResult();
    }

    private void Finish(Attempt attempt, T? value)
    {
        lock (_gate)
        {
            // Even an abandoned attempt that succeeded is kept: it is the one success, and nobody else has started.
            _value = value;
            _attempt = null;
            attempt.Finished = true;
        }
    }

    /// <summary>One initialization attempt and the callers waiting for it. Guarded by <see cref="_gate"/>.</summary>
    private sealed class Attempt
    {
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Cancelled when the last waiter gives up. Never disposed: it has no timer, and a waiter may cancel it late.</summary>
        public CancellationTokenSource Cancellation { get; } = new();

        public int Waiters { get; set; }

        public bool Abandoned { get; set; }

        public bool Finished { get; set; }
    }
}

[SingletonImplementation("abandonable-lazy", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.CallerAbandon,
    Description = "lock(object) + TaskCompletionSource with a waiter count: the last waiter to cancel cancels the attempt.")]
public sealed class AbandonableLazyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new AbandonableLazy<Resource>(seam.CreateInitializedAsync));

    private sealed class Subject(AbandonableLazy<Resource> lazy) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.GetValueAsync(cancellationToken).ConfigureAwait(false);
    }
}
