using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>
/// A verify run as every report shows it: the matrix rows and their cells, the failures, the inconclusive causes, the
/// fingerprints and the budget. Built once per outcome; the terminal, Markdown, HTML and JSON writers only lay it out, so
/// what the reports say is decided here, and how they spell verdicts in <see cref="VerdictSpelling"/>.
/// </summary>
/// <param name="Budget">Iterations, seeds, shard, strategy, time limit and output folder, as given.</param>
/// <param name="Engines">The engines that ran, in order.</param>
/// <param name="Properties">The properties judged: the matrix's columns.</param>
/// <param name="Fingerprinted">Whether fingerprints were asked for.</param>
/// <param name="Elapsed">Time of the whole run.</param>
/// <param name="Rows">One per implementation, in the order verified.</param>
internal sealed record ReportModel(
    Budget Budget,
    ImmutableArray<string> Engines,
    ImmutableArray<Property> Properties,
    bool Fingerprinted,
    TimeSpan Elapsed,
    ImmutableArray<RowView> Rows)
{
    // Keyed by the outcome object, so the terminal and the three report files, written one after the other, share one model.
    private static readonly ConditionalWeakTable<VerificationOutcome, ReportModel> Built = new();

    /// <summary>True if no implementation contradicts what it declares: the exit code is then 0, or 4 if <see cref="InconclusiveNotAccepted"/> names some.</summary>
    public bool AsDeclared => Rows.All(r => r.AsDeclared != false);

    /// <summary>True if no cell anywhere is inconclusive.</summary>
    public bool Conclusive => Rows.All(r => r.Conclusive);

    /// <summary>The implementations with inconclusive cells that do not declare that they accept them: the exit code 4 when nothing contradicts a declaration.</summary>
    public ImmutableArray<string> InconclusiveNotAccepted => [.. Rows.Where(r => r.InconclusiveNotAccepted).Select(r => r.Name)];

    /// <summary>True if every implementation passes: none contradicts its declaration, and every inconclusive cell is accepted.</summary>
    public bool Passes => AsDeclared && InconclusiveNotAccepted.IsEmpty;

    public int Iterations => Rows.Sum(r => r.Iterations);

    /// <summary>Every failure, implementation by implementation.</summary>
    public IEnumerable<FailureView> Failures => Rows.SelectMany(r => r.Failures);

    /// <summary>Every inconclusive cause, implementation by implementation.</summary>
    public IEnumerable<InconclusiveView> Inconclusive => Rows.SelectMany(r => r.Inconclusive);

    /// <summary>What ran, with what budget, for how long.</summary>
    public string BudgetLine => string.Create(CultureInfo.InvariantCulture,
        $"{Rows.Length} implementation(s), engine {string.Join(", ", Engines)}: {Budget}. {Iterations} iterations in {Elapsed.TotalSeconds:F1} s.");

    /// <summary>The run's verdict in a sentence.</summary>
    public string VerdictLine
    {
        get
        {
            var off = Rows.Where(r => r.AsDeclared == false).Select(r => r.Name).ToList();
            var unaccepted = InconclusiveNotAccepted;
            var accepted = Rows.Where(r => !r.Conclusive && !r.InconclusiveNotAccepted).Select(r => r.Name).ToList();
            var notProven = unaccepted.IsEmpty ? string.Empty
                : $" Not proven, inconclusive cells not accepted: {string.Join(", ", unaccepted)}; the inconclusive cells say why.";
            var acceptedNote = accepted.Count == 0 ? string.Empty
                : $" Inconclusive cells accepted as declared: {string.Join(", ", accepted)}.";
            return off.Count > 0 ? $"Not as declared: {string.Join(", ", off)}.{notProven}"
                : unaccepted.IsEmpty ? $"Every implementation behaves as declared.{acceptedNote}"
                : $"Nothing contradicts a declaration.{notProven}{acceptedNote}";
        }
    }

    /// <summary>The model of <paramref name="outcome"/>, built on first use.</summary>
    public static ReportModel Of(VerificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Built.GetValue(outcome, Build);
    }

    private static ReportModel Build(VerificationOutcome outcome)
    {
        var options = outcome.Options;
        return new ReportModel(
            options.Budget,
            [.. options.Engines.Select(e => e.Name)],
            options.Properties,
            options.Characterize,
            outcome.Elapsed,
            [.. outcome.Implementations.Select(row => RowView.Of(row, options.Properties))]);
    }
}
