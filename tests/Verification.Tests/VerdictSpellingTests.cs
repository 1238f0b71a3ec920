using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Verification.Cli;
using Verification.Cli.Reports;
using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// The one table of verdict spellings: it covers every verdict and every "as declared" answer, and each writer (terminal,
/// Markdown, HTML, JSON, a run's own text) shows exactly its words. Checked by rendering a run that holds every verdict
/// and every answer, so a writer that spelled a verdict itself, or translated one spelling into another, would show here.
/// </summary>
public sealed class VerdictSpellingTests
{
    private static readonly ImmutableArray<Property> Columns = [Property.Once, Property.Same, Property.Live, Property.Reset];

    private static readonly string[] ReplayLabels = ["Replay with Coyote:      ", "Replay with dotnet test: ", "Replay in process:       "];

    private static readonly Dictionary<string, Func<VerdictWords, string>> VerdictColumns = new()
    {
        ["compact"] = w => w.Compact, ["word"] = w => w.Word, ["key"] = w => w.Key, ["class"] = w => w.Class, ["run"] = w => w.Run,
    };

    private static readonly Dictionary<string, Func<ConformanceWords, string>> ConformanceColumns = new()
    {
        ["compact"] = w => w.Compact, ["word"] = w => w.Word, ["meaning"] = w => w.Meaning,
    };

    [Test]
    public void Table_SpellsEveryVerdictAndEveryAnswer_InEveryColumn_WithoutTwoAlike()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VerdictSpelling.Verdicts.Select(w => w.Verdict), Is.EqualTo(Enum.GetValues<Verdict>()));
            Assert.That(VerdictSpelling.Conformances.Select(w => w.Conformance), Is.EqualTo(Enum.GetValues<Conformance>()));
            foreach (var verdict in Enum.GetValues<Verdict>())
            {
                Assert.That(VerdictSpelling.Of(verdict).Verdict, Is.EqualTo(verdict));
            }

            foreach (var conformance in Enum.GetValues<Conformance>())
            {
                Assert.That(VerdictSpelling.Of(conformance).Conformance, Is.EqualTo(conformance));
            }

            foreach (var (name, column) in VerdictColumns)
            {
                var words = VerdictSpelling.Verdicts.Select(column).ToList();
                Assert.That(words, Is.All.Not.Empty, $"verdicts, column {name}");
                Assert.That(words, Is.Unique, $"verdicts, column {name}");
            }

            foreach (var (name, column) in ConformanceColumns)
            {
                var words = VerdictSpelling.Conformances.Select(column).ToList();
                Assert.That(words, Is.All.Not.Empty, $"as-declared answers, column {name}");
                Assert.That(words, Is.Unique, $"as-declared answers, column {name}");
            }

            Assert.That(VerdictSpelling.Conformances.Select(w => w.Class), Is.All.Not.Empty);
        });
    }

    [Test]
    public void Terminal_ShowsEveryVerdictAndAnswer_InTheTablesCompactWords()
    {
        var model = EveryVerdict();
        using var output = new StringWriter();

        MatrixPrinter.Print(model, output);

        var lines = output.ToString().Split(Environment.NewLine);
        var width = Math.Max(14, model.Rows.Max(r => r.Name.Length));
        Assert.Multiple(() =>
        {
            foreach (var row in model.Rows)
            {
                var expected = row.Name.PadRight(width)
                    + $"  {VerdictSpelling.Expected(row.Implementation.ExpectedViolation, w => w.Key),-11}"
                    + string.Concat(row.Cells.Select(c => $"  {VerdictSpelling.Of(c.Verdict).Compact,-9}"))
                    + $"  {VerdictSpelling.Of(row.Conformance).Compact,-11}  -";
                Assert.That(lines, Does.Contain(expected), row.Name);
            }

            Assert.That(lines, Has.Some.StartWith($"SAME {VerdictSpelling.Of(Verdict.Fail).Word} [judge]: "));
            Assert.That(lines, Has.Some.Contains($": LIVE {VerdictSpelling.Of(Verdict.Inconclusive).Word}: could not judge"));
        });
    }

    [Test]
    public void Markdown_ShowsEveryVerdictAndAnswer_InTheTablesCompactWords()
    {
        var model = EveryVerdict();

        var lines = MarkdownReport.Render(model).Split(Environment.NewLine);

        Assert.Multiple(() =>
        {
            foreach (var row in model.Rows)
            {
                var expected = $"| {row.Name} | {Names.Kind(row.Implementation.Kind)} | {VerdictSpelling.Expected(row.Implementation.ExpectedViolation, w => w.Word)} |"
                    + string.Concat(row.Cells.Select(c => $" {VerdictSpelling.Of(c.Verdict).Compact} |"))
                    + $" {VerdictSpelling.Of(row.Conformance).Compact} |";
                Assert.That(lines, Does.Contain(expected), row.Name);
            }

            var legend = string.Join(", ", VerdictSpelling.Verdicts.Select(w => w.Meaning is null ? w.Word : $"{w.Word} ({w.Meaning})"));
            Assert.That(lines, Has.Some.Contains(legend));
        });
    }

    [Test]
    public void Html_ShowsEveryVerdictAndAnswer_InTheTablesWords_WithItsClasses()
    {
        var model = EveryVerdict();

        var html = HtmlReport.Render(model, Path.GetTempPath());

        Assert.Multiple(() =>
        {
            foreach (var row in model.Rows)
            {
                var tr = Regex.Match(html, $"<tr data-implementation=\"{Regex.Escape(row.Name)}\">.*?</tr>").Value;
                foreach (var cell in row.Cells)
                {
                    var words = VerdictSpelling.Of(cell.Verdict);
                    var td = Regex.Match(tr, $"<td class=\"verdict ([^\"]*)\" data-property=\"{cell.Property.Id()}\"[^>]*>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td>");
                    Assert.That(td.Success, $"{row.Name} {cell.Property.Id()}: no cell in {tr}");
                    Assert.That(td.Groups[1].Value, Is.EqualTo(words.Class), $"{row.Name} {cell.Property.Id()}");
                    Assert.That(WebUtility.HtmlDecode(td.Groups[2].Value), Is.EqualTo(words.Word), $"{row.Name} {cell.Property.Id()}");
                }

                var declared = VerdictSpelling.Of(row.Conformance);
                Assert.That(tr, Does.Contain($"<td class=\"declared-{declared.Class}\" title=\"{WebUtility.HtmlEncode(declared.Meaning)}\">{WebUtility.HtmlEncode(declared.Word)}</td>"), row.Name);
                Assert.That(tr, Does.Contain($"<td class=\"expected\"").And.Contain($">{VerdictSpelling.Expected(row.Implementation.ExpectedViolation, w => w.Word)}</td>"), row.Name);
            }
        });
    }

    [Test]
    public void Json_ShowsEveryVerdict_AsTheTablesKey()
    {
        var model = EveryVerdict();

        using var json = JsonDocument.Parse(JsonReport.Serialize(model));

        var implementations = json.RootElement.GetProperty("implementations").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            foreach (var (row, document) in model.Rows.Zip(implementations))
            {
                var results = document.GetProperty("results").EnumerateArray().ToList();
                Assert.That(results, Has.Count.EqualTo(row.Results.Length), row.Name);
                foreach (var (expected, result) in row.Results.Zip(results))
                {
                    Assert.That(result.GetProperty("verdict").GetString(), Is.EqualTo(VerdictSpelling.Of(expected.Verdict).Key), $"{row.Name} {expected.Property.Id()}");
                }
            }

            Assert.That(implementations.SelectMany(i => i.GetProperty("results").EnumerateArray()).Select(r => r.GetProperty("verdict").GetString()).Distinct(),
                Is.EquivalentTo(VerdictSpelling.Verdicts.Select(w => w.Key)), "the run holds every verdict");
        });
    }

    [Test]
    public void ARunsOwnText_SpellsItsVerdictAsTheTablesRunColumn([Values] Verdict verdict)
    {
        var implementation = Registry.Describe(typeof(SpelledAdapter));
        var run = new RunResult(implementation, StandardScenarios.ConcurrentGet, new RunSettings(Iterations: 3), verdict, [], 3, TimeSpan.Zero, null, null, null, [], null);

        Assert.That(run.Describe(), Does.StartWith($"{implementation.Name} ({implementation.Contract}) on scenario {StandardScenarios.ConcurrentGet}: {VerdictSpelling.Of(verdict).Run} after 3 iteration(s)"));
    }

    [Test]
    public void ARunsOwnText_AndTheTerminal_LayOutAFailureAlike()
    {
        var implementation = Registry.Describe(typeof(SpelledAdapter));
        var scenario = StandardScenarios.ConcurrentGet;
        var trace = Path.Combine(Path.GetTempPath(), "spelled.trace");
        var witness = new RunResult(implementation, scenario, new RunSettings(), Verdict.Fail, [new Violation(Property.Once, "two attempts")], 2,
            TimeSpan.Zero, trace, "history", "coyote replay", [], null);
        var row = new ImplementationOutcome(implementation, [Property.Once],
            [new EngineReport("judge", implementation, [new PropertyResult(Property.Once, Verdict.Fail, 2, TimeSpan.Zero, scenario, witness.Violations[0], "history", witness)], null, 2, TimeSpan.Zero, Evidence.Systematic)]);

        var failure = RowView.Of(row, [Property.Once]).Failures.Single();
        var printed = MatrixPrinter.Describe(failure);

        Assert.Multiple(() =>
        {
            Assert.That(printed, Does.StartWith($"ONCE {VerdictSpelling.Of(Verdict.Fail).Word} [judge]: {witness.Describe()}{Environment.NewLine}"));
            Assert.That(printed.Split(Environment.NewLine)[^3..].Select(l => l[..25]),
                Is.EqualTo(ReplayLabels), "the commands start in one column");
            Assert.That(failure.Replay?.TracePath, Is.EqualTo(trace));
            Assert.That(failure.Replay?.InProcess, Is.EqualTo(ReplayCommands.VerifyCli(trace)));
            Assert.That(failure.Replay?.WithCoyote, Is.EqualTo("coyote replay"));
        });
    }

    /// <summary>
    /// A run whose matrix holds every verdict (one row passes, fails, cannot judge and does not apply) and every "as
    /// declared" answer (yes, partly, no, and not checked for a planted bug whose property was left out).
    /// </summary>
    private static ReportModel EveryVerdict()
    {
        var spelled = Registry.Describe(typeof(SpelledAdapter));
        var passing = Registry.Find("double-checked");
        var unjudged = Registry.Find("classic-singleton");
        var bug = Registry.Find("no-lock");
        ImplementationOutcome[] rows =
        [
            Row(passing, Columns, Pass(Property.Once), Pass(Property.Same), Pass(Property.Live), NotApplicable(Property.Reset)),
            Row(unjudged, Columns, Pass(Property.Once), Pass(Property.Same), Inconclusive(Property.Live), NotApplicable(Property.Reset)),
            Row(spelled, Columns, Pass(Property.Once), Fail(Property.Same), Inconclusive(Property.Live), NotApplicable(Property.Reset)),
            Row(bug, [Property.Same, Property.Live], Pass(Property.Same), Pass(Property.Live)),
        ];
        var options = VerifyOptions.Parse(["--property", string.Join(",", Columns.Select(p => p.Id())), "--no-fingerprint"]);
        var model = ReportModel.Of(new VerificationOutcome(options, [.. rows], TimeSpan.FromSeconds(1)));
        Assert.That(model.Rows.Select(r => r.Conformance), Is.EqualTo(Enum.GetValues<Conformance>()), "the run holds every as-declared answer");
        Assert.That(model.Rows.Single(r => r.Name == spelled.Name).Cells.Select(c => c.Verdict), Is.EqualTo(Enum.GetValues<Verdict>()), "one row holds every verdict");
        return model;
    }

    private static ImplementationOutcome Row(Implementation implementation, ImmutableArray<Property> properties, params PropertyResult[] results) =>
        new(implementation, properties, [new EngineReport("judge", implementation, [.. results], null, 10, TimeSpan.FromSeconds(1), Evidence.Systematic)]);

    private static PropertyResult Pass(Property property) => new(property, Verdict.Pass, 10, TimeSpan.FromSeconds(1));

    private static PropertyResult Fail(Property property) =>
        new(property, Verdict.Fail, 10, TimeSpan.FromSeconds(1), StandardScenarios.ConcurrentGet, new Violation(property, "two instances"), "history");

    private static PropertyResult Inconclusive(Property property) => new(property, Verdict.Inconclusive, 10, TimeSpan.FromSeconds(1), Cause: "could not judge");

    private static PropertyResult NotApplicable(Property property) => new(property, Verdict.NotApplicable, 0, TimeSpan.Zero, Cause: "does not apply here");

    /// <summary>Only its attribute is used.</summary>
    [SingletonImplementation("test-spelled", Description = "every verdict in one row")]
    private sealed class SpelledAdapter : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => throw new NotSupportedException("Never run.");
    }
}
