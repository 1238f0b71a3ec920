using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// What the callers an iteration left waiting were waiting on, read from the history cut where Coyote stopped it: which get
/// (or reset) of each, and whether an initialization attempt was running for it. Also whether a wait Coyote models only in
/// part holds them, in which case real threads would not have hung and the stop proves nothing about LIVE.
/// </summary>
/// <param name="Description">One sentence per stuck caller, or empty if none is stuck.</param>
/// <param name="HeldByUnmodelledWait">Why the stop proves nothing about LIVE, or null if the stuck callers would hang on real threads too.</param>
internal sealed record StuckCallers(string Description, string? HeldByUnmodelledWait)
{
    public static StuckCallers Of(History history, Scenario scenario, DeclaredContract executed, Type adapterType)
    {
        var stuckGets = history.Gets.Where(g => g.End is null).OrderBy(g => g.Caller).ToList();
        var stuckResets = history.Resets.Where(r => r.End is null).OrderBy(r => r.Caller).ToList();
        var sentences = stuckGets.Select(g => $"Caller {g.Caller} was stuck in {Which(history, scenario, g)}, {WaitingOn(history, scenario, g)}.")
            .Concat(stuckResets.Select(r => $"Caller {r.Caller} was stuck in its reset."))
            .ToList();
        return new StuckCallers(string.Join(" ", sentences), Held(stuckGets, scenario, executed, adapterType));
    }

    /// <summary>Which get of its caller <paramref name="get"/> is, and how the scenario cancels it.</summary>
    private static string Which(History history, Scenario scenario, GetCall get)
    {
        var index = history.Gets.Count(g => g.Caller == get.Caller && g.Start <= get.Start);
        var gets = scenario.Callers[get.Caller - 1].Count(o => !o.IsReset);
        var cancelled = get.WasCanceled ? $", its token cancelled at step {get.CancelRequestedAt}" : string.Empty;
        return $"its get {index} of {gets} (started at step {get.Start}{cancelled})";
    }

    private static string WaitingOn(History history, Scenario scenario, GetCall get)
    {
        var running = history.Attempts.Where(a => a.End is null).ToList();
        if (running.FirstOrDefault(a => a.Caller == get.Caller && a.Start > get.Start) is { } own)
        {
            return $"inside attempt {own.Number}, which its own call started and which {Script(scenario, own)}";
        }

        if (running.FirstOrDefault() is { } other)
        {
            return $"waiting while attempt {other.Number} (started by caller {other.Caller?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}) {Script(scenario, other)}";
        }

        return "with no initialization attempt running: waiting on the implementation's own lock, task or wait";
    }

    private static string Script(Scenario scenario, AttemptRun attempt) =>
        scenario.ScriptFor(attempt.Number).Behavior == AttemptBehavior.Hang
            ? "hangs by script until it is cancelled or the harness releases it"
            : "had not finished (it is scripted to end)";

    /// <summary>
    /// The unmodelled wait that holds the stuck callers, if one can: a cancelled get, under a contract that lets a cancelled
    /// caller stop waiting, stuck where the implementation waits on a SemaphoreSlim with its token (Coyote's model never
    /// cancels it), or any stuck get where the implementation waits with a timeout (Coyote's model never times out). Callers
    /// behind a hanging attempt are held by it too: the harness releases that attempt only once the cancelled callers finish.
    /// </summary>
    private static string? Held(List<GetCall> stuck, Scenario scenario, DeclaredContract executed, Type adapterType)
    {
        if (stuck.Count == 0)
        {
            return null;
        }

        var waits = UncontrolledApiScan.UnmodelledWaits(adapterType);
        var cancelled = stuck.Where(g => g.WasCanceled && executed.Cancellation.CancelledCallersFinishAlone()).Select(g => g.Caller).ToList();
        var byToken = cancelled.Count == 0 ? null : waits.FirstOrDefault(w => w.OnlyCancelled).Api;
        var byTimeout = waits.FirstOrDefault(w => !w.OnlyCancelled).Api;
        var api = byToken ?? byTimeout;
        if (api is null)
        {
            return null;
        }

        var held = byToken is not null ? cancelled : [.. stuck.Select(g => g.Caller)];
        var behind = stuck.Select(g => g.Caller).Except(held).ToList();
        var others = behind.Count == 0
            ? string.Empty
            : $" {(behind.Count == 1 ? "Caller" : "Callers")} {string.Join(", ", behind)} waited behind {(held.Count == 1 ? "it" : "them")}{(scenario.UsesHang ? " (the harness releases a hanging attempt only once cancelled callers finish)" : string.Empty)}.";
        return $"Coyote stopped on a deadlock that real threads may not have: {(held.Count == 1 ? "caller" : "callers")} {string.Join(", ", held)} " +
            $"waited where the implementation calls {api}.{others} LIVE is not judged on that run.";
    }
}
