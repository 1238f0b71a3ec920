using System.Globalization;
using Verification.Cli.Reports;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>
/// The terminal writer: the verdict matrix (implementation × property), the fingerprints, and below them every failure in
/// full and every inconclusive cause, laid out from the run's <see cref="ReportModel"/> as the report files are.
/// </summary>
internal static class MatrixPrinter
{
    public static void Print(VerificationOutcome outcome, TextWriter output) => Print(ReportModel.Of(outcome), output);

    public static void Print(ReportModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var rows = model.Rows;
        if (rows.IsEmpty)
        {
            output.WriteLine("No implementation to verify.");
            return;
        }

        var nameWidth = Math.Max(14, rows.Max(r => r.Name.Length));
        output.Write("implementation".PadRight(nameWidth));
        output.Write("  expected   ");
        foreach (var property in model.Properties)
        {
            output.Write($"  {property.Id(),-9}");
        }

        output.WriteLine("  as declared  fingerprint");
        foreach (var row in rows)
        {
            output.Write(row.Name.PadRight(nameWidth));
            output.Write($"  {VerdictSpelling.Expected(row.Implementation.ExpectedViolation, w => w.Key),-11}");
            foreach (var cell in row.Cells)
            {
                output.Write($"  {VerdictSpelling.Of(cell.Verdict).Compact,-9}");
            }

            output.WriteLine($"  {VerdictSpelling.Of(row.Conformance).Compact,-11}  {FingerprintText(row)}");
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model.Iterations} iterations in {model.Elapsed.TotalSeconds:F1} s; {model.Budget}. Verdicts are judged against each implementation's declared contract; the fingerprint is what it was seen to do."));

        foreach (var row in rows)
        {
            foreach (var failure in row.Failures)
            {
                output.WriteLine();
                output.WriteLine(Describe(failure));
            }

            foreach (var inconclusive in row.Inconclusive)
            {
                output.WriteLine();
                output.WriteLine($"{inconclusive.Implementation}: {inconclusive.PropertyIds} {VerdictSpelling.Of(Verdict.Inconclusive).Word}: {inconclusive.Cause}");
            }

            if (row.InconclusiveNote is { } note)
            {
                output.WriteLine(note);
            }
        }

        output.WriteLine();
        output.WriteLine(model.VerdictLine);
    }

    /// <summary>A failure as a person reads it: which properties, which engine, then the failure's text.</summary>
    public static string Describe(FailureView failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return $"{failure.PropertyIds} {VerdictSpelling.Of(Verdict.Fail).Word} [{failure.Engine}]: {failure.Text}";
    }

    /// <summary>yes, NO or not checked; a yes with inconclusive cells says so, since nothing then confirms it.</summary>
    public static string AsDeclared(ImplementationOutcome row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return VerdictSpelling.Of(row.Conformance).Compact;
    }

    private static string FingerprintText(RowView row)
    {
        if (row.Fingerprint is not { } fingerprint)
        {
            return "-";
        }

        return fingerprint.Matches(row.Implementation.Contract) ? $"{fingerprint} (as declared)" : $"{fingerprint} (declared {row.Implementation.Contract})";
    }
}
