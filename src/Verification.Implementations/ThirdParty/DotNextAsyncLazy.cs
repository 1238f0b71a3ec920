using DotNext.Threading;
using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.ThirdParty;

/// <summary>
/// DotNext.Threading <see cref="AsyncLazy{T}"/>, not resettable: the value "can be computed exactly once"; a get is
/// <see cref="AsyncLazy{T}.WithCancellation(CancellationToken)"/> with the caller's token, "the token that can be used to
/// cancel the operation".
/// </summary>
/// <remarks>
/// What the source (6.12.0) does with the token: a caller that finds a task already running waits on it with
/// <c>Task.WaitAsync(token)</c>, so its cancellation ends only its own wait; the caller that starts the factory passes its
/// token to the factory. A faulted task is kept and handed to every later caller (failure cached); only a cancelled task is
/// restarted ("the canceled task will be restarted automatically even if the lazy container is not resettable").
/// </remarks>
[AcceptsInconclusive("Coyote 1.7.11's rewriter crashes on DotNext.dll and DotNext.Threading.dll ([UnsafeAccessor] methods have no IL body), so the library cannot run under the scheduler; the catalogue keeps it to show that engine fault named, not hidden.")]
[SingletonImplementation("dotnext-async-lazy", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.Caller,
    Description = "DotNext.Threading AsyncLazy<T> 6.12.0: WithCancellation(token) per caller, failure cached, no reset.")]
public sealed class DotNextAsyncLazyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new DotNextAsyncLazySubject(new AsyncLazy<Resource>(seam.CreateInitializedAsync, resettable: false));
}

/// <summary>
/// DotNext.Threading <see cref="AsyncLazy{T}"/> created resettable: "previously computed value can be removed and
/// computation executed again when it will be requested". <see cref="AsyncLazy{T}.Reset"/> returns false and removes
/// nothing "if value is still computing".
/// </summary>
[AcceptsInconclusive("Coyote 1.7.11's rewriter crashes on DotNext.dll and DotNext.Threading.dll ([UnsafeAccessor] methods have no IL body), so the library cannot run under the scheduler; the catalogue keeps it to show that engine fault named, not hidden.")]
[SingletonImplementation("dotnext-async-lazy-resettable", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.Caller, SupportsReset = true,
    Description = "DotNext.Threading AsyncLazy<T> 6.12.0, resettable: Reset() removes a computed value (not one still computing).")]
public sealed class DotNextResettableAsyncLazyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new DotNextAsyncLazySubject(new AsyncLazy<Resource>(seam.CreateInitializedAsync, resettable: true));
}

/// <summary>A get is <c>WithCancellation(token)</c>; a reset is one call of <c>Reset()</c>, whose result the library's users may ignore.</summary>
internal sealed class DotNextAsyncLazySubject(AsyncLazy<Resource> lazy) : ISingletonSubject
{
    public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.WithCancellation(cancellationToken).ConfigureAwait(false);

    public Task ResetAsync()
    {
        lazy.Reset();
        return Task.CompletedTask;
    }
}
