using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>
/// One failure as every report shows it: the properties one run violates and why, the declaration it contradicts, the
/// scenario, the per-caller history, the trace and both replay commands. The one place that decides what a failure shows;
/// the writers only lay it out.
/// </summary>
/// <param name="Implementation">The implementation that failed.</param>
/// <param name="ExpectedBecause">Why a violation was expected of it (a planted bug, a documented one), or null.</param>
/// <param name="Engine">The engine whose run it is.</param>
/// <param name="Evidence">What backs that engine's verdicts, if its report says.</param>
/// <param name="Violations">Each property the run violates and why, in property order.</param>
/// <param name="Scenario">The scenario it failed in.</param>
/// <param name="History">The per-caller history table.</param>
/// <param name="Replay">The trace and replay commands, or null if no replayable run could be recorded.</param>
/// <param name="Note">What the engine added: why there is no trace, how often stress saw it, the generated plan's seed.</param>
/// <param name="Text">The failure as plain text, laid out as a run's own description is (<see cref="FailureText"/>).</param>
internal sealed record FailureView(
    Implementation Implementation,
    string? ExpectedBecause,
    string Engine,
    Evidence? Evidence,
    ImmutableArray<ViolationView> Violations,
    Scenario? Scenario,
    string? History,
    ReplayView? Replay,
    string? Note,
    FailureText Text)
{
    public Property FirstProperty => Violations[0].Property;

    public string PropertyIds => string.Join(", ", Violations.Select(v => v.Property.Id()));

    public static FailureView Of(FailureGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var first = group.First;
        return new FailureView(
            group.Implementation,
            Names.ExpectedBecause(group.Implementation),
            group.Engine,
            group.Evidence,
            [.. group.Results.Select(r => new ViolationView(r.Property, r.Violation?.Reason ?? "(no reason given)"))],
            first.Scenario,
            first.History,
            ReplayView.Of(first.Witness),
            first.Cause,
            TextOf(group));
    }

    /// <summary>
    /// The replayable run's own text with the in-process replay added, or, when no run could be recorded, what the engine
    /// saw: each violation, each distinct note, and the history.
    /// </summary>
    private static FailureText TextOf(FailureGroup group)
    {
        var first = group.First;
        if (first.Witness is { } witness)
        {
            var text = FailureText.Of(witness);
            return witness.TracePath is { } trace
                ? text with { Replays = [.. text.Replays, new ReplayLine("Replay in process", ReplayCommands.VerifyCli(trace))] }
                : text;
        }

        var implementation = group.Implementation;
        return new FailureText(
            $"{implementation.Name} ({implementation.Contract}) on scenario {first.Scenario}.",
            [.. group.Results.Select(r => r.Violation?.ToString() ?? string.Empty), .. group.Results.Select(r => r.Cause).OfType<string>().Distinct()],
            first.History,
            TracePath: null,
            Replays: []);
    }
}
