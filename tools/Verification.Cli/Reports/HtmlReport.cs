using System.Globalization;
using System.Net;
using System.Text;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>
/// The HTML report: one self-contained page (inline style, no scripts, no external assets) with the matrix in colour,
/// the fingerprints, and a section per failure. Every piece of text is HTML-encoded.
/// </summary>
/// <remarks>
/// Stable hooks for checks: the matrix is <c>table#matrix</c> with one <c>tr[data-implementation]</c> per implementation
/// and one <c>td[data-property]</c> per verdict, whose class is the verdict.
/// </remarks>
internal static class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light; --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b91c1c; --fail-bg: #fee2e2;
                --inc: #8a5a00; --inc-bg: #fef3c7; --na: #57606a; --na-bg: #eef1f4; --line: #d0d7de; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 92rem; padding: 0 1.5rem; color: #1f2328; }
        .scroll { overflow-x: auto; }
        h1 { margin-bottom: .25rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
        .budget { color: #57606a; margin-top: 0; }
        .verdict-line { font-weight: 600; padding: .6rem 1rem; border-radius: 6px; display: inline-block; }
        .verdict-line.ok { background: var(--pass-bg); color: var(--pass); } .verdict-line.bad { background: var(--fail-bg); color: var(--fail); }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
        thead th { background: #f6f8fa; font-weight: 600; }
        #matrix { font-size: 14px; }
        #matrix th[scope=row] { white-space: nowrap; cursor: help; }
        #matrix th[scope=row] .kind { display: block; margin: .1rem 0 0; width: max-content; }
        #matrix td.verdict { text-align: center; font-weight: 600; min-width: 3.8rem; font-size: 13px; }
        #matrix td.contract, #matrix td.expected { white-space: nowrap; color: #3d444d; }
        #matrix td.expected[title] { cursor: help; text-decoration: underline dotted; }
        .kind { display: inline-block; margin-left: .4rem; padding: 0 .45rem; border-radius: 1rem; background: #eef1f4; color: #57606a; font-size: .78em; font-weight: 500; }
        td.pass { background: var(--pass-bg); color: var(--pass); }
        td.fail { background: var(--fail-bg); color: var(--fail); }
        td.inconclusive { background: var(--inc-bg); color: var(--inc); cursor: help; }
        td.na { background: var(--na-bg); color: var(--na); font-weight: 400 !important; }
        td.fail a { color: inherit; }
        td.declared-yes { color: var(--pass); font-weight: 600; } td.declared-no { color: var(--fail); font-weight: 700; }
        td.declared-unknown { color: var(--na); }
        #matrix td[class^=declared] { white-space: nowrap; }
        .desc { color: #57606a; font-weight: 400; font-size: .85em; max-width: 22rem; }
        .legend span { display: inline-block; padding: 0 .5rem; margin-right: .5rem; border-radius: 4px; }
        .differs { color: var(--fail); font-weight: 600; } .same { color: var(--pass); } td.unknown { color: var(--na); font-style: italic; }
        details { margin: .2rem 0; } summary { cursor: pointer; color: #0969da; }
        details ul { margin: .3rem 0; padding-left: 1.2rem; font-size: .9em; }
        article.failure { border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 6px; padding: .3rem 1.2rem 1rem; margin: 1.5rem 0; }
        article.failure h3 { color: var(--fail); }
        .violation { font-weight: 600; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { color: #57606a; } dd { margin: 0; }
        pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; overflow-x: auto; font-size: 13px; line-height: 1.35; }
        code { font-size: 13px; background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; }
        ul.inconclusive li { margin: .3rem 0; }
        footer { margin-top: 3rem; color: #57606a; font-size: .85em; }
        """;

    public static string Render(VerificationOutcome outcome, string reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var properties = outcome.Options.Properties;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine("<title>Verification report</title>");
        html.Append("<style>").Append(Style).AppendLine("</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine("<header>");
        html.AppendLine("<h1>Verification report</h1>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"budget\">{E(Summary.Budget(outcome))}</p>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"verdict-line {(outcome.AsDeclared ? "ok" : "bad")}\" id=\"overall\">{E(Summary.Verdict(outcome))}</p>");
        html.AppendLine("</header>");

        AppendMatrix(html, outcome, properties);
        AppendFingerprints(html, outcome);
        AppendFailures(html, outcome, reportDirectory);
        AppendInconclusive(html, outcome, properties);

        html.AppendLine("<footer>The same results: <code>report.json</code> (schema in the README) and <code>report.md</code>, beside this page.</footer>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void AppendMatrix(StringBuilder html, VerificationOutcome outcome, IReadOnlyList<Property> properties)
    {
        html.AppendLine("<section>");
        html.AppendLine("<h2>Verdicts</h2>");
        html.AppendLine("<p>Each property judged against the implementation's declared contract. A planted bug is as declared when it is caught violating its property.</p>");
        html.AppendLine("<div class=\"scroll\">");
        html.AppendLine("<table id=\"matrix\">");
        html.Append("<thead><tr><th>implementation</th><th title=\"failure, cancellation, reset\">declared</th><th>expected</th>");
        foreach (var property in properties)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th title=\"{E(Explain(property))}\">{E(property.Id())}</th>");
        }

        html.AppendLine("<th>as declared</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in outcome.Implementations)
        {
            var implementation = row.Implementation;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-implementation=\"{E(implementation.Name)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"row\" title=\"{E(implementation.Description)}\">{E(implementation.Name)} <span class=\"kind\">{E(Names.Kind(implementation.Kind))}</span></th>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"contract\" title=\"{E(implementation.Contract.ToString())}\">{E(Compact(implementation.Contract))}</td>");
            var because = Names.ExpectedBecause(implementation) is { } reason ? $" title=\"{E(reason)}\"" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"expected\"{because}>{E(implementation.ExpectedViolation is Property p ? $"FAIL {p.Id()}" : "pass")}</td>");
            foreach (var property in properties)
            {
                var verdict = row.VerdictOf(property);
                var cause = row.CauseOf(property);
                var title = verdict switch
                {
                    Verdict.Fail => row.ResultsFor(property).Select(r => r.Result.Violation?.ToString()).FirstOrDefault(v => v is not null),
                    _ => cause,
                };
                if (row.EnginesSay(property) is { } engines)
                {
                    title = title is null ? engines : $"{engines}. {title}";
                }

                var titleAttribute = title is null ? string.Empty : $" title=\"{E(title)}\"";
                var text = verdict == Verdict.Fail
                    ? $"<a href=\"#{E(Anchor(implementation, property))}\">FAIL</a>"
                    : E(MatrixPrinter.Cell(verdict) == "inconcl." ? "inconclusive" : MatrixPrinter.Cell(verdict));
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"verdict {Class(verdict)}\" data-property=\"{E(property.Id())}\"{titleAttribute}>{text}</td>");
            }

            var declared = row.AsDeclared switch { true => "yes", false => "no", _ => "unknown" };
            var (asDeclared, why) = row.AsDeclared switch
            {
                true when !row.Conclusive => ("yes (partly)", "nothing contradicts the declaration, but some properties could not be judged: the inconclusive cells say why"),
                true => ("yes", "every property as declared"),
                false => ("NO", "a property fails that the declaration promises"),
                _ => ("not checked", "the property this implementation must violate was not among those checked"),
            };
            html.AppendLine(CultureInfo.InvariantCulture, $"<td class=\"declared-{declared}\" title=\"{E(why)}\">{E(asDeclared)}</td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</div>");
        html.AppendLine("<p class=\"legend\"><span class=\"pass\" style=\"background:var(--pass-bg);color:var(--pass)\">pass</span>"
            + "<span style=\"background:var(--fail-bg);color:var(--fail)\">FAIL</span>"
            + "<span style=\"background:var(--inc-bg);color:var(--inc)\">inconclusive: hover for the cause</span>"
            + "<span style=\"background:var(--na-bg);color:var(--na)\">n/a: does not apply</span></p>");
        html.AppendLine("</section>");
    }

    private static void AppendFingerprints(StringBuilder html, VerificationOutcome outcome)
    {
        var rows = outcome.Implementations.Where(r => r.Fingerprint is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        html.AppendLine("<section>");
        html.AppendLine("<h2>Fingerprints</h2>");
        html.AppendLine("<p>What each implementation was seen to do, found by judging every history against every contract variant; an implementation is characterized, whatever it declares.</p>");
        html.AppendLine("<table id=\"fingerprints\">");
        html.AppendLine("<thead><tr><th>implementation</th><th>failure</th><th>cancellation</th><th>reset</th><th>evidence</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in rows)
        {
            var f = row.Fingerprint!;
            var declared = row.Implementation.Contract;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-implementation=\"{E(row.Implementation.Name)}\"><th scope=\"row\">{E(row.Implementation.Name)}</th>");
            html.Append(Dimension(f.Failure?.ToString().ToLowerInvariant(), Names.Failure(declared.Failure), f.IsUnknown(Fingerprint.FailureDimension)));
            html.Append(Dimension(f.Cancellation is { } c ? CancellationIds.Id(c) : null, CancellationIds.Id(declared.Cancellation), f.IsUnknown(Fingerprint.CancellationDimension)));
            html.Append(Dimension(f.Reset switch { true => "yes", false => "no", _ => null }, declared.SupportsReset ? "yes" : "no", f.IsUnknown(Fingerprint.ResetDimension)));
            html.Append("<td><details><summary>").Append(f.Evidence.Length).Append(" note(s)</summary><ul>");
            foreach (var note in f.Evidence)
            {
                html.Append("<li>").Append(E(note)).Append("</li>");
            }

            html.AppendLine("</ul></details></td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</section>");
    }

    private static string Dimension(string? seen, string declared, bool unknown)
    {
        if (unknown)
        {
            return $"<td class=\"unknown\" title=\"not explored, or no run could judge it (see the evidence); declared {E(declared)}\">unknown</td>";
        }

        if (seen is null)
        {
            return $"<td class=\"differs\" title=\"every variant was ruled out (see the evidence); declared {E(declared)}\">none held</td>";
        }

        return seen == declared
            ? $"<td class=\"same\" title=\"as declared\">{E(seen)}</td>"
            : $"<td class=\"differs\" title=\"declared {E(declared)}\">{E(seen)} (declared {E(declared)})</td>";
    }

    private static void AppendFailures(StringBuilder html, VerificationOutcome outcome, string reportDirectory)
    {
        var failures = outcome.Implementations.SelectMany(r => r.FailureGroups).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        html.AppendLine("<section id=\"failures\">");
        html.AppendLine("<h2>Failures</h2>");
        foreach (var group in failures)
        {
            var implementation = group.Implementation;
            var result = group.First;
            var engine = group.Engine;
            html.AppendLine(CultureInfo.InvariantCulture, $"<article class=\"failure\" id=\"{E(Anchor(implementation, result.Property))}\">");
            foreach (var other in group.Results.Skip(1))
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<span id=\"{E(Anchor(implementation, other.Property))}\"></span>");
            }

            html.AppendLine(CultureInfo.InvariantCulture, $"<h3>{E(implementation.Name)}: {E(group.PropertyIds)}</h3>");
            foreach (var failed in group.Results)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"violation\">{E(failed.Property.Id())}: {E(failed.Violation?.Reason ?? "(no reason given)")}</p>");
            }

            html.AppendLine("<dl>");
            var expected = implementation.ExpectedViolation is Property p ? $"; expected to violate {p.Id()}: {Names.ExpectedBecause(implementation)}" : string.Empty;
            html.AppendLine(CultureInfo.InvariantCulture, $"<dt>declared</dt><dd>{E(implementation.Contract.ToString())}{E(expected)}</dd>");
            if (result.Scenario is { } scenario)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>scenario</dt><dd><code>{E(scenario.Name)}</code> <code>{E(scenario.Text)}</code></dd>");
            }

            html.AppendLine(CultureInfo.InvariantCulture, $"<dt>engine</dt><dd>{E(engine)}</dd>");
            if (result.Witness is { TracePath: { } trace } witness)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>found after</dt><dd>{witness.Iterations} iteration(s), {E(witness.Settings.ToString())}</dd>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>trace</dt><dd><a href=\"{E(Link(reportDirectory, trace))}\"><code>{E(trace)}</code></a></dd>");
            }

            if (result.Cause is not null)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>note</dt><dd>{E(result.Cause)}</dd>");
            }

            html.AppendLine("</dl>");
            if (result.History is not null)
            {
                html.AppendLine("<h4>History (one column per caller)</h4>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<pre class=\"history\">{E(result.History.TrimEnd())}</pre>");
            }

            if (result.Witness is { TracePath: { } path, ReplayCommand: { } coyote })
            {
                html.AppendLine("<h4>Replay</h4>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<pre class=\"replay\">{E(CliCommands.Replay(path))}</pre>");
                html.AppendLine("<p>or with the Coyote command line (exit code 2 means the bug reproduced):</p>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<pre class=\"replay\">{E(coyote)}</pre>");
            }

            html.AppendLine("</article>");
        }

        html.AppendLine("</section>");
    }

    private static void AppendInconclusive(StringBuilder html, VerificationOutcome outcome, IReadOnlyList<Property> properties)
    {
        var items = outcome.Implementations.SelectMany(r => r.InconclusiveGroups.Select(g => (Row: r, g.Cause, g.Properties))).ToList();
        if (items.Count == 0)
        {
            return;
        }

        html.AppendLine("<section>");
        html.AppendLine("<h2>Inconclusive</h2>");
        html.AppendLine("<ul class=\"inconclusive\">");
        foreach (var (row, cause, group) in items)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li><strong>{E(row.Implementation.Name)}</strong>, {E(string.Join(", ", group.Select(p => p.Id())))}: {E(cause)}</li>");
        }

        html.AppendLine("</ul>");
        html.AppendLine("</section>");
    }

    /// <summary>The declared contract in a few words: <c>retry · none · no reset</c>.</summary>
    private static string Compact(DeclaredContract contract) =>
        $"{Names.Failure(contract.Failure)} · {CancellationIds.Id(contract.Cancellation)} · {(contract.SupportsReset ? "reset" : "no reset")}";

    private static string Class(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "fail",
        Verdict.Inconclusive => "inconclusive",
        _ => "na",
    };

    private static string Explain(Property property) => property switch
    {
        Property.Once => "at most one successful initialization per epoch; attempts never overlap",
        Property.Same => "every caller in an epoch receives the one instance that epoch's initialization produced",
        Property.Published => "no caller receives an instance before its initialization completed",
        Property.Failure => "failures propagate as declared (retry or cache), never swallowed or replaced",
        Property.Cancel => "cancellation affects only the caller who cancelled (and the shared attempt only under caller-abandon)",
        Property.Live => "no deadlock, no hang, no lock left held",
        _ => "after a reset completes, the old instance is never handed out again",
    };

    private static string Anchor(Implementation implementation, Property property) => $"fail-{implementation.Name}-{property.Id()}";

    /// <summary>A link to <paramref name="path"/> relative to the page when it lies beside it, so the folder can move.</summary>
    private static string Link(string reportDirectory, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(reportDirectory), Path.GetFullPath(path));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }

        return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
