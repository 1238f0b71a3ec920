using Verification.Core;
using Verification.Specs;
using VsAsyncLazy = Microsoft.VisualStudio.Threading.AsyncLazy<Verification.Resource>;

namespace Verification.Implementations.ThirdParty;

/// <summary>
/// Microsoft.VisualStudio.Threading <c>AsyncLazy&lt;T&gt;</c>: "a thread-safe, lazily and asynchronously evaluated value
/// factory"; the factory is "to be invoked at most once". A get is <c>GetValueAsync(token)</c> with the caller's token: "a
/// token whose cancellation indicates that the caller no longer is interested in the result. Note that this will not cancel
/// the value factory (since other callers may exist)."
/// </summary>
/// <remarks>
/// What the source (18.12.1) does: the first caller takes <c>lock (syncObject)</c>, stores the factory's task as the value and
/// clears the factory, so a faulted task is the value for ever (failure cached); every caller then waits on that task through
/// <c>WithCancellation(token)</c>, a <c>Task.WhenAny</c> with a <c>TaskCompletionSource</c> completed by <c>token.Register</c>,
/// so a cancelled caller stops waiting and nobody else is touched. Before the lock it asserts with
/// <c>Monitor.IsEntered(syncObject)</c>, the call Coyote 1.7.11's own Monitor model throws on. The factory takes no token and
/// there is no reset (<c>DisposeValueAsync</c> ends the lazy for good). No <c>JoinableTaskFactory</c>: outside Visual Studio
/// there is no main thread to protect.
/// </remarks>
[AcceptsInconclusive("AsyncLazy resumes its factory through Task.ContinueWith (ConfigureAwaitRunInline) and reads SynchronizationContext.Current; neither Coyote 1.7.11 nor the harness models them, so its schedules cannot be controlled. Kept to show the cause named.")]
[SingletonImplementation("vs-threading-async-lazy", Kind = ImplementationKind.ThirdParty,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.Caller,
    Description = "Microsoft.VisualStudio.Threading AsyncLazy<T> 18.12.1: factory once, failure cached, GetValueAsync(token) cancels only the caller.")]
public sealed class VsThreadingAsyncLazyAdapter : SingletonAdapter
{
    public override ISingletonSubject Create(InitializationSeam seam) =>
        new Subject(new VsAsyncLazy(() => seam.CreateInitializedAsync()));

    /// <summary>A get is <c>GetValueAsync(token)</c> with the caller's token, as the library's users write it.</summary>
    private sealed class Subject(VsAsyncLazy lazy) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.GetValueAsync(cancellationToken).ConfigureAwait(false);
    }
}
