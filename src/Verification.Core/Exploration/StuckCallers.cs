using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// What the callers an iteration left waiting were waiting on, read from the history cut where Coyote stopped it: which get
/// (or reset) of each, and whether an initialization attempt was running for it. The waits themselves are controlled (the
/// harness models the ones Coyote 1.7.11 gets wrong, such as a SemaphoreSlim wait's token and timeout), so a caller stuck
/// here would be stuck on real threads too.
/// </summary>
internal static class StuckCallers
{
    /// <summary>One sentence per stuck caller, or empty if none is stuck.</summary>
    public static string Of(History history, Scenario scenario)
    {
        var stuckGets = history.Gets.Where(g => g.End is null).OrderBy(g => g.Caller).ToList();
        var stuckResets = history.Resets.Where(r => r.End is null).OrderBy(r => r.Caller).ToList();
        var sentences = stuckGets.Select(g => $"Caller {g.Caller} was stuck in {Which(history, scenario, g)}, {WaitingOn(history, scenario, g)}.")
            .Concat(stuckResets.Select(r => $"Caller {r.Caller} was stuck in its reset."));
        return string.Join(" ", sentences);
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
}
