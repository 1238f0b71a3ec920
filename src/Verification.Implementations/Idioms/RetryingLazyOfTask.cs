using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Idioms;

/// <summary>
/// The common retrying async lazy: a <see cref="Lazy{T}"/> of <see cref="Task{TResult}"/> that a caller who saw it fail
/// swaps for a fresh one, with a compare-and-swap so that only the lazy that failed is replaced.
/// </summary>
/// <remarks>
/// Concurrency contract: one initialization runs at a time and every caller of it gets its result; a failure reaches the
/// callers that awaited it, and the next caller starts a new initialization (retry). No token, no reset.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="create">The async initialization.</param>
public sealed class RetryingLazyOfTask<T>(Func<Task<T>> create)
{
    private Lazy<Task<T>> _current = new(create);

    /// <summary>Gets the value, starting an initialization if none succeeded or is running.</summary>
    /// <exception cref="Exception">Whatever the initialization this caller awaited threw.</exception>
    public async Task<T> GetValueAsync()
    {
        var lazy = Volatile.Read(ref _current);
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // Replace only the lazy that failed: another caller may already have swapped in a fresh one and started it.
            Interlocked.CompareExchange(ref _current, new Lazy<Task<T>>(create), lazy);
            throw;
        }
    }
}

[SingletonImplementation("retrying-lazy-of-task", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Retry, Cancellation = CancellationPolicy.None,
    Description = "Lazy<Task<T>> that a caller who saw it fail swaps, by compare-and-swap, for a fresh one.")]
public sealed class RetryingLazyOfTaskAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new Subject(new RetryingLazyOfTask<Resource>(() => seam.CreateInitializedAsync()));

    private sealed class Subject(RetryingLazyOfTask<Resource> lazy) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.GetValueAsync().ConfigureAwait(false);
    }
}
