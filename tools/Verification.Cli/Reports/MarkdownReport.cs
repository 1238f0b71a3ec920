using System.Globalization;
using System.Text;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>The Markdown summary: the matrix, the fingerprints, and every failure with its history and replay command.</summary>
internal static class MarkdownReport
{
    public static string Render(VerificationOutcome outcome) => Render(ReportModel.Of(outcome));

    public static string Render(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var properties = model.Properties;
        var text = new StringBuilder();
        text.AppendLine("# Verification report").AppendLine();
        text.AppendLine(model.BudgetLine).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{model.VerdictLine}**").AppendLine();

        text.AppendLine("## Verdicts").AppendLine();
        var legend = VerdictSpelling.Verdicts.Select(w => w.Meaning is null ? w.Word : $"{w.Word} ({w.Meaning})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Each property judged against the implementation's declared contract: {string.Join(", ", legend)}.").AppendLine();
        text.Append("| implementation | kind | expected |");
        text.AppendJoin(string.Empty, properties.Select(p => $" {p.Id()} |")).AppendLine(" as declared |");
        text.Append("| --- | --- | --- |").AppendJoin(string.Empty, properties.Select(_ => " --- |")).AppendLine(" --- |");
        foreach (var row in model.Rows)
        {
            var expected = VerdictSpelling.Expected(row.Implementation.ExpectedViolation, w => w.Word);
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Name)} | {Names.Kind(row.Implementation.Kind)} | {expected} |");
            text.AppendJoin(string.Empty, row.Cells.Select(c => $" {VerdictSpelling.Of(c.Verdict).Compact} |"));
            text.AppendLine(CultureInfo.InvariantCulture, $" {VerdictSpelling.Of(row.Conformance).Compact} |");
        }

        if (model.Rows.Any(r => r.Fingerprint is not null))
        {
            text.AppendLine().AppendLine("## Fingerprints").AppendLine();
            text.AppendLine("What each implementation was seen to do, found by judging every history against every contract variant.").AppendLine();
            text.AppendLine("| implementation | declared | seen | |");
            text.AppendLine("| --- | --- | --- | --- |");
            foreach (var row in model.Rows.Where(r => r.Fingerprint is not null))
            {
                var fingerprint = row.Fingerprint!;
                var seen = fingerprint.Matches(row.Implementation.Contract) ? "as declared"
                    : fingerprint.Unknown.IsDefaultOrEmpty ? "**differs**" : $"unknown: {string.Join(", ", fingerprint.Unknown)}";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(row.Name)} | {row.Implementation.Contract} | {fingerprint} | {seen} |");
            }
        }

        var failures = model.Failures.ToList();
        if (failures.Count > 0)
        {
            text.AppendLine().AppendLine("## Failures");
            foreach (var failure in failures)
            {
                AppendFailure(text, failure);
            }
        }

        var inconclusive = model.Rows.Where(r => !r.Inconclusive.IsEmpty).ToList();
        if (inconclusive.Count > 0)
        {
            text.AppendLine().AppendLine("## Inconclusive").AppendLine();
            foreach (var row in inconclusive)
            {
                foreach (var group in row.Inconclusive)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"- {group.Implementation}, {group.PropertyIds}: {group.Cause}");
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"- **{row.InconclusiveNote}**");
            }
        }

        return text.ToString();
    }

    private static void AppendFailure(StringBuilder text, FailureView failure)
    {
        var implementation = failure.Implementation;
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {implementation.Name}: {failure.PropertyIds}").AppendLine();
        foreach (var violation in failure.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Property.Id()}: {violation.Reason}");
        }

        var expected = implementation.ExpectedViolation is Property p ? $"; expected to violate {p.Id()}: {failure.ExpectedBecause}" : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"- Declared: {implementation.Contract}{expected}; engine: {failure.Engine}");
        if (failure.Scenario is { } scenario)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Scenario: `{scenario.Name}` `{scenario.Text}`");
        }

        if (failure.Replay?.TracePath is { } trace)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Trace: `{trace}`");
        }

        if (failure.Note is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Note: {failure.Note}");
        }

        if (failure.History is not null)
        {
            text.AppendLine().AppendLine("```text").Append(failure.History.TrimEnd()).AppendLine().AppendLine("```");
        }

        if (failure.Replay is { HasBothCommands: true, InProcess: { } inProcess, WithCoyote: { } coyote })
        {
            text.AppendLine().AppendLine("Replay in process, then with the Coyote command line:").AppendLine();
            text.AppendLine("```sh").AppendLine(inProcess).AppendLine(coyote).AppendLine("```");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
