using System.Globalization;
using System.Text;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>The Markdown summary: the matrix, the fingerprints, and every failure with its history and replay command.</summary>
internal static class MarkdownReport
{
    public static string Render(VerificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var properties = outcome.Options.Properties;
        var text = new StringBuilder();
        text.AppendLine("# Verification report").AppendLine();
        text.AppendLine(Summary.Budget(outcome)).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{Summary.Verdict(outcome)}**").AppendLine();

        text.AppendLine("## Verdicts").AppendLine();
        text.AppendLine("Each property judged against the implementation's declared contract: pass, FAIL, inconclusive (the engine could not judge), n/a (does not apply).").AppendLine();
        text.Append("| implementation | kind | expected |");
        text.AppendJoin(string.Empty, properties.Select(p => $" {p.Id()} |")).AppendLine(" as declared |");
        text.Append("| --- | --- | --- |").AppendJoin(string.Empty, properties.Select(_ => " --- |")).AppendLine(" --- |");
        foreach (var row in outcome.Implementations)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Implementation.Name)} | {Names.Kind(row.Implementation.Kind)} | {Expected(row.Implementation)} |");
            text.AppendJoin(string.Empty, properties.Select(p => $" {MatrixPrinter.Cell(row.VerdictOf(p))} |"));
            text.AppendLine(CultureInfo.InvariantCulture, $" {MatrixPrinter.AsDeclared(row)} |");
        }

        if (outcome.Implementations.Any(r => r.Fingerprint is not null))
        {
            text.AppendLine().AppendLine("## Fingerprints").AppendLine();
            text.AppendLine("What each implementation was seen to do, found by judging every history against every contract variant.").AppendLine();
            text.AppendLine("| implementation | declared | seen | |");
            text.AppendLine("| --- | --- | --- | --- |");
            foreach (var row in outcome.Implementations.Where(r => r.Fingerprint is not null))
            {
                var fingerprint = row.Fingerprint!;
                var verdict = fingerprint.Matches(row.Implementation.Contract) ? "as declared"
                    : fingerprint.Unknown.IsDefaultOrEmpty ? "**differs**" : $"unknown: {string.Join(", ", fingerprint.Unknown)}";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(row.Implementation.Name)} | {row.Implementation.Contract} | {fingerprint} | {verdict} |");
            }
        }

        var failures = outcome.Implementations.SelectMany(r => r.FailureGroups).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine().AppendLine("## Failures");
            foreach (var group in failures)
            {
                AppendFailure(text, group);
            }
        }

        var inconclusive = outcome.Implementations.SelectMany(r => r.InconclusiveGroups.Select(g => (Row: r, g.Cause, g.Properties))).ToList();
        if (inconclusive.Count > 0)
        {
            text.AppendLine().AppendLine("## Inconclusive").AppendLine();
            foreach (var (row, cause, group) in inconclusive)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {row.Implementation.Name}, {string.Join(", ", group.Select(p => p.Id()))}: {cause}");
            }
        }

        return text.ToString();
    }

    private static void AppendFailure(StringBuilder text, FailureGroup group)
    {
        var implementation = group.Implementation;
        var result = group.First;
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {implementation.Name}: {group.PropertyIds}").AppendLine();
        foreach (var failed in group.Results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {failed.Property.Id()}: {failed.Violation?.Reason ?? "(no reason given)"}");
        }

        var expected = implementation.ExpectedViolation is Property p ? $"; expected to violate {p.Id()}: {Names.ExpectedBecause(implementation)}" : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"- Declared: {implementation.Contract}{expected}; engine: {group.Engine}");
        if (result.Scenario is { } scenario)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Scenario: `{scenario.Name}` `{scenario.Text}`");
        }

        if (result.Witness?.TracePath is { } trace)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Trace: `{trace}`");
        }

        if (result.Cause is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Note: {result.Cause}");
        }

        if (result.History is not null)
        {
            text.AppendLine().AppendLine("```text").Append(result.History.TrimEnd()).AppendLine().AppendLine("```");
        }

        if (result.Witness is { TracePath: { } path, ReplayCommand: { } coyote })
        {
            text.AppendLine().AppendLine("Replay in process, then with the Coyote command line:").AppendLine();
            text.AppendLine("```sh").AppendLine(CliCommands.Replay(path)).AppendLine(coyote).AppendLine("```");
        }
    }

    private static string Expected(Implementation implementation) =>
        implementation.ExpectedViolation is Property p ? $"FAIL {p.Id()}" : "pass";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

/// <summary>Sentences shared by the reports.</summary>
internal static class Summary
{
    public static string Budget(VerificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var iterations = outcome.Implementations.Sum(r => r.Iterations);
        var engines = string.Join(", ", outcome.Options.Engines.Select(e => e.Name));
        return string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Implementations.Length} implementation(s), engine {engines}: {outcome.Options.Budget}. {iterations} iterations in {outcome.Elapsed.TotalSeconds:F1} s.");
    }

    public static string Verdict(VerificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var off = outcome.Implementations.Where(r => r.AsDeclared == false).Select(r => r.Implementation.Name).ToList();
        var unjudged = outcome.Implementations.Count(r => !r.Conclusive);
        var partly = unjudged == 0 ? string.Empty : $" {unjudged} implementation(s) could not be judged on every property; the inconclusive cells say why.";
        return off.Count == 0
            ? $"Every implementation behaves as declared.{partly}"
            : $"Not as declared: {string.Join(", ", off)}.";
    }
}
