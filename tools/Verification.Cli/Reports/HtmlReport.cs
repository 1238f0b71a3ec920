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
/// and one <c>td[data-property]</c> per verdict, whose class is the verdict as the table of spellings writes it
/// (<see cref="VerdictWords.Class"/>); the style's selectors and colour variables are named after those classes. Laid out
/// from the run's <see cref="ReportModel"/>; no verdict is spelled here.
/// </remarks>
internal static class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light; --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b91c1c; --fail-bg: #fee2e2;
                --inconclusive: #8a5a00; --inconclusive-bg: #fef3c7; --na: #57606a; --na-bg: #eef1f4; --line: #d0d7de; }
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
        td.inconclusive { background: var(--inconclusive-bg); color: var(--inconclusive); cursor: help; }
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

    public static string Render(VerificationOutcome outcome, string reportDirectory) => Render(ReportModel.Of(outcome), reportDirectory);

    public static string Render(ReportModel model, string reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(model);
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
        html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"budget\">{E(model.BudgetLine)}</p>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"verdict-line {(model.Passes ? "ok" : "bad")}\" id=\"overall\">{E(model.VerdictLine)}</p>");
        html.AppendLine("</header>");

        AppendMatrix(html, model);
        AppendFingerprints(html, model);
        AppendFailures(html, model, reportDirectory);
        AppendInconclusive(html, model);

        html.AppendLine("<footer>The same results: <code>report.json</code> (schema in the README) and <code>report.md</code>, beside this page.</footer>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void AppendMatrix(StringBuilder html, ReportModel model)
    {
        html.AppendLine("<section>");
        html.AppendLine("<h2>Verdicts</h2>");
        html.AppendLine("<p>Each property judged against the implementation's declared contract. A planted bug is as declared when it is caught violating its property.</p>");
        html.AppendLine("<div class=\"scroll\">");
        html.AppendLine("<table id=\"matrix\">");
        html.Append("<thead><tr><th>implementation</th><th title=\"failure, cancellation, reset\">declared</th><th>expected</th>");
        foreach (var property in model.Properties)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th title=\"{E(Explain(property))}\">{E(property.Id())}</th>");
        }

        html.AppendLine("<th>as declared</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in model.Rows)
        {
            var implementation = row.Implementation;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-implementation=\"{E(implementation.Name)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"row\" title=\"{E(implementation.Description)}\">{E(implementation.Name)} <span class=\"kind\">{E(Names.Kind(implementation.Kind))}</span></th>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"contract\" title=\"{E(implementation.Contract.ToString())}\">{E(Compact(implementation.Contract))}</td>");
            var because = row.ExpectedBecause is { } reason ? $" title=\"{E(reason)}\"" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"expected\"{because}>{E(VerdictSpelling.Expected(implementation.ExpectedViolation, w => w.Word))}</td>");
            foreach (var cell in row.Cells)
            {
                AppendCell(html, row, cell);
            }

            var declared = VerdictSpelling.Of(row.Conformance);
            html.AppendLine(CultureInfo.InvariantCulture, $"<td class=\"declared-{declared.Class}\" title=\"{E(declared.Meaning)}\">{E(declared.Word)}</td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</div>");
        html.Append("<p class=\"legend\">");
        foreach (var words in VerdictSpelling.Verdicts)
        {
            // The matrix explains an inconclusive cell in its hover text, so the legend points there rather than glossing the word.
            var gloss = words.Verdict == Verdict.Inconclusive ? "hover for the cause" : words.Meaning;
            var label = gloss is null ? words.Word : $"{words.Word}: {gloss}";
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"background:var(--{words.Class}-bg);color:var(--{words.Class})\">{E(label)}</span>");
        }

        html.AppendLine("</p>");
        html.AppendLine("</section>");
    }

    /// <summary>
    /// A verdict cell: its class is the verdict (the style and <c>tools/check-report.sh</c> select on it), a failure links to
    /// its section, and the hover says why and, with several engines, what each said and what backs it.
    /// </summary>
    private static void AppendCell(StringBuilder html, RowView row, CellView cell)
    {
        var words = VerdictSpelling.Of(cell.Verdict);
        var title = cell.Why;
        if (row.SeveralEngines)
        {
            var engines = string.Join(", ", cell.Engines.Select(EngineSays));
            title = title is null ? engines : $"{engines}. {title}";
        }

        var titleAttribute = title is null ? string.Empty : $" title=\"{E(title)}\"";
        var text = cell.Verdict == Verdict.Fail ? $"<a href=\"#{E(Anchor(row.Name, cell.Property))}\">{E(words.Word)}</a>" : E(words.Word);
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"verdict {words.Class}\" data-property=\"{E(cell.Property.Id())}\"{titleAttribute}>{text}</td>");
    }

    /// <summary>One engine's verdict and its evidence, e.g. <c>stress pass (sampled-on-real-threads)</c>.</summary>
    private static string EngineSays(EngineResultView result)
    {
        var says = $"{result.Engine} {VerdictSpelling.Of(result.Verdict).Key}";
        return Names.Evidence(result.Evidence) is { } evidence ? $"{says} ({evidence})" : says;
    }

    private static void AppendFingerprints(StringBuilder html, ReportModel model)
    {
        var rows = model.Rows.Where(r => r.Fingerprint is not null).ToList();
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
            html.Append(CultureInfo.InvariantCulture, $"<tr data-implementation=\"{E(row.Name)}\"><th scope=\"row\">{E(row.Name)}</th>");
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

    private static void AppendFailures(StringBuilder html, ReportModel model, string reportDirectory)
    {
        var failures = model.Failures.ToList();
        if (failures.Count == 0)
        {
            return;
        }

        html.AppendLine("<section id=\"failures\">");
        html.AppendLine("<h2>Failures</h2>");
        foreach (var failure in failures)
        {
            var implementation = failure.Implementation;
            html.AppendLine(CultureInfo.InvariantCulture, $"<article class=\"failure\" id=\"{E(Anchor(implementation.Name, failure.FirstProperty))}\">");
            foreach (var other in failure.Violations.Skip(1))
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<span id=\"{E(Anchor(implementation.Name, other.Property))}\"></span>");
            }

            html.AppendLine(CultureInfo.InvariantCulture, $"<h3>{E(implementation.Name)}: {E(failure.PropertyIds)}</h3>");
            foreach (var violation in failure.Violations)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"violation\">{E(violation.Property.Id())}: {E(violation.Reason)}</p>");
            }

            html.AppendLine("<dl>");
            var expected = implementation.ExpectedViolation is Property p ? $"; expected to violate {p.Id()}: {failure.ExpectedBecause}" : string.Empty;
            html.AppendLine(CultureInfo.InvariantCulture, $"<dt>declared</dt><dd>{E(implementation.Contract.ToString())}{E(expected)}</dd>");
            if (failure.Scenario is { } scenario)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>scenario</dt><dd><code>{E(scenario.Name)}</code> <code>{E(scenario.Text)}</code></dd>");
            }

            html.AppendLine(CultureInfo.InvariantCulture, $"<dt>engine</dt><dd>{E(failure.Engine)}</dd>");
            if (failure.Replay is { TracePath: { } trace } replay)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>found after</dt><dd>{replay.Iterations} iteration(s), {E(replay.Settings.ToString())}</dd>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>trace</dt><dd><a href=\"{E(Link(reportDirectory, trace))}\"><code>{E(trace)}</code></a></dd>");
            }

            if (failure.Note is not null)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<dt>note</dt><dd>{E(failure.Note)}</dd>");
            }

            html.AppendLine("</dl>");
            if (failure.History is not null)
            {
                html.AppendLine("<h4>History (one column per caller)</h4>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<pre class=\"history\">{E(failure.History.TrimEnd())}</pre>");
            }

            if (failure.Replay is { HasBothCommands: true, InProcess: { } inProcess, WithCoyote: { } coyote })
            {
                html.AppendLine("<h4>Replay</h4>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<pre class=\"replay\">{E(inProcess)}</pre>");
                html.AppendLine("<p>or with the Coyote command line (exit code 2 means the bug reproduced):</p>");
                html.AppendLine(CultureInfo.InvariantCulture, $"<pre class=\"replay\">{E(coyote)}</pre>");
            }

            html.AppendLine("</article>");
        }

        html.AppendLine("</section>");
    }

    private static void AppendInconclusive(StringBuilder html, ReportModel model)
    {
        var rows = model.Rows.Where(r => !r.Inconclusive.IsEmpty).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        html.AppendLine("<section>");
        html.AppendLine("<h2>Inconclusive</h2>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<ul class=\"{VerdictSpelling.Of(Verdict.Inconclusive).Class}\">");
        foreach (var row in rows)
        {
            foreach (var group in row.Inconclusive)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li><strong>{E(group.Implementation)}</strong>, {E(group.PropertyIds)}: {E(group.Cause)}</li>");
            }

            var acceptance = row.InconclusiveNotAccepted ? "not-accepted" : "accepted";
            html.AppendLine(CultureInfo.InvariantCulture, $"<li class=\"{acceptance}\" data-implementation=\"{E(row.Name)}\"><em>{E(row.InconclusiveNote ?? string.Empty)}</em></li>");
        }

        html.AppendLine("</ul>");
        html.AppendLine("</section>");
    }

    /// <summary>The declared contract in a few words: <c>retry · none · no reset</c>.</summary>
    private static string Compact(DeclaredContract contract) =>
        $"{Names.Failure(contract.Failure)} · {CancellationIds.Id(contract.Cancellation)} · {(contract.SupportsReset ? "reset" : "no reset")}";

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

    private static string Anchor(string implementation, Property property) => $"fail-{implementation}-{property.Id()}";

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
