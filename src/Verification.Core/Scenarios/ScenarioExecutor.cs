using Verification.Specs;

namespace Verification.Core;

/// <summary>Drives one implementation through one scenario once, recording the history. Engine-neutral.</summary>
public static class ScenarioExecutor
{
    /// <summary>Runs <paramref name="scenario"/> on a fresh subject built by <paramref name="adapter"/>.</summary>
    /// <remarks>
    /// Callers run concurrently. Callers that must finish even while an attempt hangs (those whose every get is cancelled,
    /// under a policy that lets a caller stop waiting) are awaited first; then hung attempts are released and the rest
    /// awaited. A wait that never ends is the engine's to judge: a deadlock Coyote confirms leaves gets without an end in
    /// the history, which LIVE fails; one it cannot confirm leaves the run inconclusive; the stress engine gives up on a
    /// repetition at its timeout.
    /// </remarks>
    /// <exception cref="ImplementationFaultException">The implementation could not even be built.</exception>
    public static async Task ExecuteAsync(Implementation implementation, SingletonAdapter adapter, Scenario scenario, HistoryRecorder recorder)
    {
        adapter.ResetStaticState();
        var seam = new InitializationSeam(scenario, recorder);
        ISingletonSubject subject;
        try
        {
            subject = adapter.Create(seam) ?? throw new ImplementationFaultException($"{implementation.Name}: the adapter's Create returned null.");
        }
        catch (Exception e) when (e is not ImplementationFaultException)
        {
            throw new ImplementationFaultException($"{implementation.Name}: building the implementation threw {e.GetType().Name}: {e.Message}", e);
        }

        var callers = new Task[scenario.Callers.Length];
        for (var i = 0; i < callers.Length; i++)
        {
            var caller = i + 1;
            var operations = scenario.Callers[i];
            callers[i] = Task.Run(() => RunCallerAsync(caller, operations, subject, recorder));
        }

        var cancelledCallersFinishAlone = implementation.Contract.Cancellation.CancelledCallersFinishAlone();
        var mustFinishFirst = scenario.UsesHang
            ? callers.Where((_, i) => cancelledCallersFinishAlone && MustFinishAlone(scenario.Callers[i])).ToArray()
            : callers;
        await Task.WhenAll(mustFinishFirst).ConfigureAwait(false);
        if (scenario.UsesHang)
        {
            // Only a scenario with a hanging attempt has anything to release; the others skip the recorder's lock that the
            // release takes.
            seam.ReleaseHungAttempts();
        }

        await Task.WhenAll(callers).ConfigureAwait(false);
    }

    // A caller whose every operation is a cancelled get must stop waiting even while an attempt hangs. A reset takes no
    // token, so like a get whose token is never cancelled it may wait for the attempt in flight, and so may its caller.
    private static bool MustFinishAlone(IReadOnlyList<Operation> operations) =>
        operations.Count > 0 && operations.All(o => o.IsCancelledGet);

    private static async Task RunCallerAsync(int caller, IReadOnlyList<Operation> operations, ISingletonSubject subject, HistoryRecorder recorder)
    {
        InitializationSeam.CurrentCaller = caller;
        foreach (var operation in operations)
        {
            if (operation.IsReset)
            {
                recorder.Add(EventKind.ResetStarted, caller);
                await subject.ResetAsync().ConfigureAwait(false);
                recorder.Add(EventKind.ResetEnded, caller);
                continue;
            }

            // A get that never cancels passes CancellationToken.None, as such callers do: code may take another path for a
            // token that can be cancelled (and Coyote's models of some of those paths misbehave), which is a scenario of its
            // own (get~cancellable), not something every get should drag in.
            using var cancellation = operation.PassesCancellableToken ? new CancellationTokenSource() : null;
            var token = cancellation?.Token ?? CancellationToken.None;
            Task canceller = Task.CompletedTask;
            recorder.Add(EventKind.GetStarted, caller);
            switch (operation.Cancel)
            {
                case CancelTiming.Before:
                    recorder.Add(EventKind.CancelRequested, caller);
                    await cancellation!.CancelAsync().ConfigureAwait(false);
                    break;
                case CancelTiming.During:
                    canceller = Task.Run(() =>
                    {
                        recorder.Add(EventKind.CancelRequested, caller);
                        cancellation!.Cancel();
                    });
                    break;
                default:
                    break;
            }

            try
            {
                var value = await subject.GetAsync(token).ConfigureAwait(false);
                recorder.GetReturned(caller, value);
            }
#pragma warning disable CA1031 // Every exception the implementation throws is an observation to judge, not a harness error.
            catch (Exception e)
#pragma warning restore CA1031
            {
                recorder.GetThrew(caller, e);
            }

            await canceller.ConfigureAwait(false);
        }
    }
}
