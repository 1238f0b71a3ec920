using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// A run, mostly a failing one, as plain text: a headline, indented notes (the violations and why, a diagnosis, what Coyote
/// did not control), the per-caller history, the trace and the replay commands, aligned so they can be copied. The one
/// layout of the history files, test messages and the failures <c>verify</c> prints, so a failure reads the same wherever
/// it is met.
/// </summary>
/// <param name="Headline">What ran and what came of it, e.g. <c>no-lock (...) on scenario concurrent-get [...]: FAIL after 3 iteration(s), ...</c>.</param>
/// <param name="Notes">One line each, printed indented under the headline.</param>
/// <param name="History">The history table, if there is one.</param>
/// <param name="TracePath">The trace that replays the run, if one was recorded.</param>
/// <param name="Replays">The commands that replay it, in the order shown.</param>
public sealed record FailureText(string Headline, ImmutableArray<string> Notes, string? History, string? TracePath, ImmutableArray<ReplayLine> Replays)
{
    /// <summary>The text of <paramref name="run"/>: its violations, diagnosis and uncontrolled calls; its replays if it has a trace.</summary>
    public static FailureText Of(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var notes = run.Violations.Select(v => v.ToString()).ToList();
        if (run.Diagnosis is not null)
        {
            notes.Add(run.Diagnosis);
        }

        if (!run.Uncontrolled.IsDefaultOrEmpty)
        {
            notes.Add($"Uncontrolled by Coyote: {string.Join(", ", run.Uncontrolled)}");
        }

        // Both commands or neither: each replays the same trace, one through Coyote's command line and one through the tests.
        ImmutableArray<ReplayLine> replays = run is { ReplayCommand: { } coyote, TracePath: { } trace }
            ? [new("Replay with Coyote", coyote), new("Replay with dotnet test", ReplayCommands.DotnetTest(new VerificationCase(run.Implementation, run.Scenario), trace))]
            : [];
        return new FailureText(
            $"{run.Implementation.Name} ({run.Implementation.Contract}) on scenario {run.Scenario}: {VerdictSpelling.Of(run.Verdict).Run} after {run.Iterations} iteration(s), {run.Settings}.",
            [.. notes],
            run.History,
            run.TracePath,
            replays);
    }

    public override string ToString()
    {
        var lines = new List<string> { Headline };
        lines.AddRange(Notes.Select(note => $"  {note}"));
        if (History is not null)
        {
            lines.Add(string.Empty);
            lines.Add(History);
        }

        if (TracePath is not null)
        {
            lines.Add($"Trace: {TracePath}");
        }

        // The commands start in one column, so they line up however the ways to replay are worded.
        var width = Replays.IsDefaultOrEmpty ? 0 : Replays.Max(r => r.How.Length) + 1;
        lines.AddRange(Replays.Select(r => $"{(r.How + ":").PadRight(width)} {r.Command}"));
        return string.Join(Environment.NewLine, lines);
    }
}
