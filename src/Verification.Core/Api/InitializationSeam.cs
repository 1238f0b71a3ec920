using Verification.Core;
using Verification.Specs;

namespace Verification;

/// <summary>
/// The initialization function the harness hands to the implementation under test (the article's <c>_connect</c>).
/// It plays the scenario's attempt scripts and records every attempt in the history.
/// </summary>
/// <remarks>
/// Everything here is controllable by Coyote: awaits are <see cref="Task.Yield"/>, and a hang is a
/// <see cref="TaskCompletionSource"/> completed from <see cref="CancellationToken.Register(Action)"/>, never
/// <c>Task.Delay(..., token)</c>, whose token Coyote does not honour. The moment the attempt's token is cancelled is
/// recorded too, since that, not the moment the attempt notices, is when the implementation decided to cancel it.
/// </remarks>
public sealed class InitializationSeam
{
    private static readonly AsyncLocal<int?> CurrentCallerSlot = new();

    private readonly Scenario _scenario;
    private readonly HistoryRecorder _recorder;
    private readonly List<(TaskCompletionSource Hang, int Attempt)> _hanging = [];
    private bool _released;

    public InitializationSeam(Scenario scenario, HistoryRecorder recorder)
    {
        _scenario = scenario;
        _recorder = recorder;
    }

    /// <summary>The caller whose call is running on this flow; attempts are attributed to it in the history.</summary>
    internal static int? CurrentCaller
    {
        get => CurrentCallerSlot.Value;
        set => CurrentCallerSlot.Value = value;
    }

    /// <summary>
    /// Initializes <paramref name="instance"/>: one initialization attempt, scripted by the scenario. The instance counts as
    /// initialized once this completes successfully.
    /// </summary>
    /// <param name="instance">The object being initialized; callers must receive it only after this completes.</param>
    /// <param name="cancellationToken">Cancels this attempt (the shared initialization), not just one caller's wait.</param>
    /// <exception cref="InitializationFailedException">The script makes this attempt fail.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task InitializeAsync(object instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var caller = CurrentCaller;
        var attempt = _recorder.StartAttempt(instance, caller);
        var script = _scenario.ScriptFor(attempt);

        // The request is recorded once, by whichever sees it first: the token's callback, or the attempt ending cancelled.
        // The token runs its callbacks one by one, so the attempt's own cancellation (the hang's callback, registered
        // later, runs first) can end the attempt and unregister this callback before it ran; the history would then show
        // an attempt cancelled with no request. The recorder's lock takes no scheduling step under Coyote.
        var requestRecorded = false;
        void RecordCancelRequest() => _recorder.Atomically(() =>
        {
            if (!requestRecorded)
            {
                requestRecorded = true;
                _recorder.Add(EventKind.AttemptCancelRequested, caller, attempt);
            }

            return requestRecorded;
        });

        var cancelRequested = cancellationToken.Register(RecordCancelRequest);
        try
        {
            for (var i = 0; i < script.Awaits; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (script.Behavior)
            {
                case AttemptBehavior.Fail:
                    throw new InitializationFailedException($"Attempt {attempt} failed, as its script says.");
                case AttemptBehavior.Hang:
                    await HangAsync(attempt, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    cancellationToken.ThrowIfCancellationRequested();
                    break;
            }
        }
        catch (OperationCanceledException canceled)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                RecordCancelRequest();
            }

            _recorder.AttemptFailed(attempt, caller, canceled, EventKind.AttemptCanceled);
            throw;
        }
        catch (InitializationFailedException failed)
        {
            _recorder.AttemptFailed(attempt, caller, failed);
            throw;
        }
        catch (AttemptReleasedException released)
        {
            // A cancellation that reached the history before this release is recorded wins over it: the attempt would have
            // ended cancelled all the same. Deciding and recording at one point matters on the real thread pool, where the
            // token can be cancelled (and recorded) after the release but before the release is recorded; the history would
            // then show an attempt that ignored its cancellation. The token's flag is set before its callbacks record
            // anything, so a cancellation not yet visible here is recorded after the release.
            var canceled = _recorder.Atomically(() =>
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    _recorder.AttemptFailed(attempt, caller, released, EventKind.AttemptReleased);
                    return null;
                }

                var instead = new OperationCanceledException(released.Message, released, cancellationToken);
                RecordCancelRequest();
                _recorder.AttemptFailed(attempt, caller, instead, EventKind.AttemptCanceled);
                return instead;
            });
            if (canceled is not null)
            {
                throw canceled;
            }

            throw;
        }
        finally
        {
            cancelRequested.Unregister();
        }

        _recorder.Add(EventKind.AttemptSucceeded, caller, attempt);
    }

    /// <summary>Creates a <see cref="Resource"/> and initializes it: the setup function for implementations that hold a value.</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public async Task<Resource> CreateInitializedAsync(CancellationToken cancellationToken = default)
    {
        var resource = new Resource();
        await InitializeAsync(resource, cancellationToken).ConfigureAwait(false);
        return resource;
    }

    /// <summary>
    /// Fails every attempt that hangs now or starts hanging later, so the callers waiting on it can finish and the run
    /// can be judged. Later hangs matter: an attempt may start only after this point.
    /// </summary>
    internal void ReleaseHungAttempts()
    {
        var hanging = _recorder.Atomically(() =>
        {
            _released = true;
            List<(TaskCompletionSource Hang, int Attempt)> taken = [.. _hanging];
            _hanging.Clear();
            return taken;
        });

        foreach (var (hang, attempt) in hanging)
        {
            hang.TrySetException(Released(attempt));
        }
    }

    private static AttemptReleasedException Released(int attempt) =>
        new($"Attempt {attempt} hung until the end of the scenario and was released by the harness.");

    private async Task HangAsync(int attempt, CancellationToken cancellationToken)
    {
        // Leave the implementation's synchronous code first, as a setup that really hangs would: the hang is then a point
        // where Coyote can switch callers, and never sits inside a lock Coyote cannot see (Lazy<T>'s, say).
        await Task.Yield();

        // A token cancelled meanwhile wins over the harness's release: the implementation did abandon the attempt.
        cancellationToken.ThrowIfCancellationRequested();
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The recorder's lock, not one of this (rewritten) assembly: an implementation may call the initialization from a
        // thread Coyote does not control (work queued to the real thread pool), and Coyote's lock crashes the process
        // there. Nothing inside waits or yields, so an uncontrolled lock is safe under Coyote too.
        var released = _recorder.Atomically(() =>
        {
            if (!_released)
            {
                _hanging.Add((hang, attempt));
            }

            return _released;
        });
        if (released)
        {
            throw Released(attempt);
        }

        // Unregister, not Dispose: disposing waits for a callback still running on the cancelling thread, a wait Coyote
        // does not see (a false "potential deadlock").
        var registration = cancellationToken.Register(() => hang.TrySetCanceled(cancellationToken));
        try
        {
            await hang.Task.ConfigureAwait(false);
        }
        finally
        {
            // Not Dispose: it blocks, outside Coyote's control, until a callback running on another thread returns, and
            // Coyote may have paused the cancelling caller inside this very callback. Unregister never waits.
            registration.Unregister();
        }
    }
}
