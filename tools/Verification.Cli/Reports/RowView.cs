using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>One implementation as the reports show it: its row of the matrix, its fingerprint, failures and inconclusive causes.</summary>
/// <param name="Implementation">The implementation: name, kind, description, declared contract, expected violation.</param>
/// <param name="ExpectedBecause">Why a violation is expected of it, or null.</param>
/// <param name="Cells">One per property of the matrix, in its order.</param>
/// <param name="AsDeclared">True, false, or null when the property a planted bug must violate was not checked.</param>
/// <param name="Conclusive">True if every property checked got a verdict.</param>
/// <param name="Conformance">The "as declared" answer, from <paramref name="AsDeclared"/> and <paramref name="Conclusive"/>.</param>
/// <param name="Fingerprint">What it was seen to do, if characterized.</param>
/// <param name="Iterations">Iterations every engine ran on it.</param>
/// <param name="Elapsed">Time every engine spent on it.</param>
/// <param name="SeveralEngines">True if more than one engine judged it, so each cell says what each engine said.</param>
/// <param name="Results">Every engine's result on every property checked, property by property.</param>
/// <param name="Failures">Its failures, one per replayable run.</param>
/// <param name="Inconclusive">Its inconclusive properties, grouped by cause.</param>
/// <param name="InconclusiveNotAccepted">True if it has inconclusive cells and does not declare that it accepts them: it does not pass.</param>
internal sealed record RowView(
    Implementation Implementation,
    string? ExpectedBecause,
    ImmutableArray<CellView> Cells,
    bool? AsDeclared,
    bool Conclusive,
    Conformance Conformance,
    Fingerprint? Fingerprint,
    int Iterations,
    TimeSpan Elapsed,
    bool SeveralEngines,
    ImmutableArray<EngineResultView> Results,
    ImmutableArray<FailureView> Failures,
    ImmutableArray<InconclusiveView> Inconclusive,
    bool InconclusiveNotAccepted)
{
    public string Name => Implementation.Name;

    /// <summary>Why it accepts an inconclusive verdict, as its adapter declares; null if it does not.</summary>
    public string? AcceptsInconclusive => Implementation.AcceptsInconclusive;

    /// <summary>
    /// What its inconclusive cells mean for the run, in a sentence, or null if it has none: accepted, with the declared
    /// reason, or not accepted, with what to do.
    /// </summary>
    public string? InconclusiveNote => Conclusive ? null
        : AcceptsInconclusive is { } reason ? $"{Name} accepts an inconclusive verdict: {reason}"
        : $"{Name} is not proven: its inconclusive cells are not accepted, so verify exits {CommandLine.InconclusiveNotAccepted}. " +
          "Remove the cause, or declare [AcceptsInconclusive(\"why\")] on its adapter.";

    /// <param name="row">The merged outcome of every engine.</param>
    /// <param name="properties">The matrix's columns: the properties the run was asked to judge.</param>
    public static RowView Of(ImplementationOutcome row, ImmutableArray<Property> properties)
    {
        ArgumentNullException.ThrowIfNull(row);
        var implementation = row.Implementation;
        return new RowView(
            implementation,
            Names.ExpectedBecause(implementation),
            [.. properties.Select(p => Cell(row, p))],
            row.AsDeclared,
            row.Conclusive,
            row.Conformance,
            row.Fingerprint,
            row.Iterations,
            row.Elapsed,
            row.Reports.Length > 1,
            [.. row.Properties.SelectMany(row.ResultsFor).Select(r => EngineResultView.Of(r.Engine, r.Evidence, r.Result))],
            [.. row.FailureGroups.Select(FailureView.Of)],
            [.. row.InconclusiveGroups.Select(g => new InconclusiveView(implementation.Name, g.Properties, g.Cause))],
            row.InconclusiveNotAccepted);
    }

    private static CellView Cell(ImplementationOutcome row, Property property)
    {
        var results = row.ResultsFor(property).ToList();
        return new CellView(
            property,
            row.VerdictOf(property),
            row.CauseOf(property),
            results.Select(r => r.Result.Violation).FirstOrDefault(v => v is not null),
            [.. results.Select(r => EngineResultView.Of(r.Engine, r.Evidence, r.Result))]);
    }
}
