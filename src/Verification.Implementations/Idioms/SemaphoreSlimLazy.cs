using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Idioms;

/// <summary>
/// The everyday .NET async singleton: a <see cref="SemaphoreSlim"/> of one as an async lock around check, create, publish,
/// with a lock-free fast path once the value exists.
/// </summary>
/// <remarks>
/// Concurrency contract: one initialization succeeds per epoch; every caller gets the same value, only once it is
/// initialized. A failure reaches the caller whose initialization failed; the lock is released and the next caller tries
/// again. The caller's token is passed the idiomatic way, to the lock's wait and to the initialization the caller runs: a
/// caller cancelled while it waits for the lock leaves without taking it, and one cancelled during its own initialization
/// abandons that attempt, so the next caller starts another (caller-abandon). <see cref="ResetAsync"/> takes the same
/// lock, so it waits for an initialization in flight, which therefore belongs to the old epoch.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="create">The async initialization.</param>
public sealed class SemaphoreSlimLazy<T>(Func<CancellationToken, Task<T>> create) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private T? _value;

    /// <summary>Gets the value, initializing it if this epoch has none.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="Exception">Whatever the initialization threw, for the caller that ran it.</exception>
    public async Task<T> GetValueAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _value) is { } ready)
        {
            return ready;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_value is { } value)
            {
                return value;
            }

            var created = await create(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _value, created);
            return created;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Starts a new epoch, after any initialization in flight has finished.</summary>
    public async Task ResetAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            Volatile.Write(ref _value, null);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}

[SingletonImplementation("semaphore-slim-lazy", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.CallerAbandon, SupportsReset = true,
    Description = "SemaphoreSlim(1, 1) as an async lock around check, create, publish, with the caller's token passed to the lock's wait and to the initialization; reset takes the same lock.")]
public sealed class SemaphoreSlimLazyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(new SemaphoreSlimLazy<Resource>(seam.CreateInitializedAsync));

    private sealed class Subject(SemaphoreSlimLazy<Resource> lazy) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.GetValueAsync(cancellationToken).ConfigureAwait(false);

        public Task ResetAsync() => lazy.ResetAsync();
    }
}
