using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.ThirdParty;

/// <summary>
/// <see cref="Lazy{T}"/> of <see cref="Task{TResult}"/>, the BCL idiom for async lazy initialization, in
/// <see cref="LazyThreadSafetyMode.ExecutionAndPublication"/>: "locks are used to ensure that only a single thread can
/// initialize a Lazy&lt;T&gt; instance in a thread-safe manner".
/// </summary>
/// <remarks>
/// The factory returns the initialization's task, so the lock covers only starting it. A failed initialization is a faulted
/// task, which is the published value: every later caller awaits the same failure (cached). No token, no reset.
/// </remarks>
[SingletonImplementation("lazy-task-execution-and-publication", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.None,
    Description = "System.Lazy<Task<T>>, ExecutionAndPublication: one factory call under a lock; the task, failed or not, is the value.")]
public sealed class LazyTaskExecutionAndPublicationAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new LazyTaskSubject(new Lazy<Task<Resource>>(() => seam.CreateInitializedAsync(), LazyThreadSafetyMode.ExecutionAndPublication));
}

/// <summary>
/// <see cref="Lazy{T}"/> of <see cref="Task{TResult}"/> in <see cref="LazyThreadSafetyMode.PublicationOnly"/>: "all threads
/// are allowed to run the initialization method ... The first thread to complete initialization sets the value".
/// </summary>
/// <remarks>
/// For an async factory "complete" means returning the task, so concurrent callers each start an initialization and all
/// but one are discarded while still running: the documentation promises one published value, not one initialization.
/// The published faulted task is the value, so a failure is cached.
/// </remarks>
[DocumentedViolation(Property.Once, "PublicationOnly: \"all threads are allowed to run the initialization method\" (LazyThreadSafetyMode docs)")]
[SingletonImplementation("lazy-task-publication-only", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.None,
    Description = "System.Lazy<Task<T>>, PublicationOnly: every racing caller runs the factory; the first task returned is published.")]
public sealed class LazyTaskPublicationOnlyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new LazyTaskSubject(new Lazy<Task<Resource>>(() => seam.CreateInitializedAsync(), LazyThreadSafetyMode.PublicationOnly));
}

/// <summary>
/// <see cref="Lazy{T}"/> of <see cref="Task{TResult}"/> in <see cref="LazyThreadSafetyMode.None"/>: "not thread safe; if the
/// instance is accessed from multiple threads, its behavior is undefined".
/// </summary>
/// <remarks>
/// The documentation promises nothing under concurrent use; the declaration records only what it says for one thread
/// (an exception from the factory is cached).
/// </remarks>
[DocumentedViolation(Property.Failure, "None: \"not thread safe; if the instance is accessed from multiple threads, its behavior is undefined\" (LazyThreadSafetyMode docs)")]
[SingletonImplementation("lazy-task-none", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.None,
    Description = "System.Lazy<Task<T>>, mode None: not thread-safe, behaviour under concurrent callers undefined by its docs.")]
public sealed class LazyTaskNoneAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new LazyTaskSubject(new Lazy<Task<Resource>>(() => seam.CreateInitializedAsync(), LazyThreadSafetyMode.None));
}

/// <summary>A get awaits <c>lazy.Value</c>; the idiom has no place for a token.</summary>
internal sealed class LazyTaskSubject(Lazy<Task<Resource>> lazy) : ISingletonSubject
{
    public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.Value.ConfigureAwait(false);
}
