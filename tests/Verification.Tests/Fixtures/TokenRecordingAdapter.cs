using System.Collections.Concurrent;
using Verification.Core;

namespace Verification.Tests.Fixtures;

/// <summary>
/// A correct singleton (one attempt, shared by every caller, a failure retried by the next call) that records, for every
/// get, whether the token the harness passed <see cref="CancellationToken.CanBeCanceled"/>. Not registered: tests hand an
/// instance to the scenario executor and read what it saw.
/// </summary>
/// <remarks>
/// The token only cancels the caller's own wait; the shared attempt never sees it. The wait is <see cref="Task.WaitAsync(CancellationToken)"/>,
/// which Coyote does not control: run it on real threads only.
/// </remarks>
public sealed class TokenRecordingAdapter : SingletonAdapter
{
    /// <summary>One entry per get, in the order the gets reached the implementation: true if its token could be cancelled.</summary>
    public ConcurrentQueue<bool> CanBeCanceled { get; } = new();

    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam, CanBeCanceled);

    private sealed class Subject(InitializationSeam seam, ConcurrentQueue<bool> seen) : ISingletonSubject
    {
        private readonly object _gate = new();
        private Task<Resource>? _attempt;

        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            seen.Enqueue(cancellationToken.CanBeCanceled);
            Task<Resource> attempt;
            lock (_gate)
            {
                if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled)
                {
                    _attempt = seam.CreateInitializedAsync(CancellationToken.None);
                }

                attempt = _attempt;
            }

            return await attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
