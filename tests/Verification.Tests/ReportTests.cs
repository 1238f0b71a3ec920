using System.Collections.Immutable;
using System.Text.Json;
using Verification.Cli;
using Verification.Cli.Reports;
using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>The reports and the matrix's rules, on outcomes built by hand (no engine runs).</summary>
public sealed class ReportTests
{
    private static readonly string[] RootFields =
    [
        "schema", "seed", "seeds", "shard", "strategy", "iterations", "timeLimitSeconds", "maxSteps", "engines",
        "properties", "fingerprint", "seconds", "asDeclared", "conclusive", "inconclusiveNotAccepted", "implementations",
    ];

    private static readonly string[] ImplementationFields =
    [
        "name", "kind", "description", "declared", "expectedViolation", "expectedBecause", "fingerprint", "asDeclared",
        "conclusive", "acceptsInconclusive", "iterations", "seconds", "results",
    ];

    private static readonly string[] ContractFields =
    [
        "failure", "cancellation", "reset",
    ];

    private static readonly string[] ResultFields =
    [
        "property", "verdict", "engine", "iterations", "seconds", "scenario", "scenarioText", "violation", "trace",
        "replay", "replayWithCoyote", "history", "cause", "evidence",
    ];

    private static readonly string[] FingerprintFields =
    [
        "failure", "cancellation", "reset", "matchesDeclared", "failureHolds", "cancellationHolds", "unknown", "evidence",
    ];

    [Test]
    public void Html_OfTextWithMarkup_EscapesEverything()
    {
        var outcome = Outcome(Row(Registry.Describe(typeof(MarkupAdapter)), Fail(Property.Once, "caller <1> & caller \"2\"", "a <script>alert(1)</script> b")));

        var html = HtmlReport.Render(outcome, Path.GetTempPath());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Contain("caller &lt;1&gt; &amp; caller &quot;2&quot;"));
            Assert.That(html, Does.Contain("data-implementation=\"test-&lt;b&gt;markup&lt;/b&gt;\""));
        });
    }

    [Test]
    public void Html_IsSelfContained()
    {
        var html = HtmlReport.Render(Outcome(Row(Registry.Describe(typeof(MarkupAdapter)), Pass(Property.Once))), Path.GetTempPath());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<link").And.Not.Contain("<script").And.Not.Contain("src=\"http"));
            Assert.That(html, Does.Contain("<style>"));
        });
    }

    [Test]
    public void Html_MatrixCells_CarryTheirVerdictAsClassAndInconclusiveCausesAsTitles()
    {
        var row = Row(Registry.Describe(typeof(MarkupAdapter)), Pass(Property.Once), Fail(Property.Same, "two instances", "history"),
            new PropertyResult(Property.Live, Verdict.Inconclusive, 3, TimeSpan.Zero, Cause: "Coyote could not tell"),
            new PropertyResult(Property.Reset, Verdict.NotApplicable, 0, TimeSpan.Zero, Cause: "no reset"));

        var html = HtmlReport.Render(Outcome(row), Path.GetTempPath());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("class=\"verdict pass\" data-property=\"ONCE\""));
            Assert.That(html, Does.Contain("class=\"verdict fail\" data-property=\"SAME\" title=\"SAME: two instances\"><a href=\"#fail-test-&lt;b&gt;markup&lt;/b&gt;-SAME\">FAIL</a>"));
            Assert.That(html, Does.Contain("class=\"verdict inconclusive\" data-property=\"LIVE\" title=\"Coyote could not tell\">inconclusive"));
            Assert.That(html, Does.Contain("class=\"verdict na\" data-property=\"RESET\""));
            Assert.That(html, Does.Contain("<pre class=\"history\">history</pre>"));
        });
    }

    [Test]
    public void Json_HasTheDocumentedFieldsInTheDocumentedOrder()
    {
        var outcome = Outcome(Row(Registry.Describe(typeof(MarkupAdapter)), Fail(Property.Once, "why", "history")));

        using var json = JsonDocument.Parse(JsonReport.Serialize(outcome));

        var root = json.RootElement;
        var implementation = root.GetProperty("implementations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(Names(root), Is.EqualTo(RootFields));
            Assert.That(Names(implementation), Is.EqualTo(ImplementationFields));
            Assert.That(Names(implementation.GetProperty("declared")), Is.EqualTo(ContractFields));
            Assert.That(Names(implementation.GetProperty("results")[0]), Is.EqualTo(ResultFields));
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo(JsonReport.Schema));
            Assert.That(implementation.GetProperty("kind").GetString(), Is.EqualTo("user"));
            Assert.That(implementation.GetProperty("declared").GetProperty("cancellation").GetString(), Is.EqualTo("caller-abandon"));
            Assert.That(implementation.GetProperty("results")[0].GetProperty("verdict").GetString(), Is.EqualTo("fail"));
        });
    }

    [Test]
    public void Json_OfAFingerprint_SpellsPoliciesAsTheContractDoes()
    {
        var fingerprint = new Fingerprint(FailurePolicy.Cache, CancellationPolicy.CallerAbandon, null, [FailurePolicy.Cache], [CancellationPolicy.CallerAbandon], ["reset: not explored"]);
        var outcome = Outcome(Row(Registry.Describe(typeof(MarkupAdapter)), fingerprint, Pass(Property.Once)));

        using var json = JsonDocument.Parse(JsonReport.Serialize(outcome));

        var document = json.RootElement.GetProperty("implementations")[0].GetProperty("fingerprint");
        Assert.Multiple(() =>
        {
            Assert.That(Names(document), Is.EqualTo(FingerprintFields));
            Assert.That(document.GetProperty("failure").GetString(), Is.EqualTo("cache"));
            Assert.That(document.GetProperty("cancellation").GetString(), Is.EqualTo("caller-abandon"));
            Assert.That(document.GetProperty("reset").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(document.GetProperty("matchesDeclared").GetBoolean(), Is.False);
        });
    }

    [Test]
    public void AsDeclared_OfAnImplementationWithAnUnexpectedFailure_IsFalseAndSoIsTheRun()
    {
        var outcome = Outcome(Row(Registry.Describe(typeof(MarkupAdapter)), Pass(Property.Once), Fail(Property.Same, "why", "history")));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Implementations[0].AsDeclared, Is.False);
            Assert.That(outcome.AsDeclared, Is.False);
        });
    }

    [Test]
    public void AsDeclared_OfAnInconclusiveCell_ContradictsNothingButIsNotConclusive()
    {
        var row = Row(Registry.Describe(typeof(MarkupAdapter)), Pass(Property.Once), new PropertyResult(Property.Same, Verdict.Inconclusive, 0, TimeSpan.Zero, Cause: "engine fault"));

        Assert.Multiple(() =>
        {
            Assert.That(row.AsDeclared, Is.True);
            Assert.That(row.Conclusive, Is.False);
            Assert.That(MatrixPrinter.AsDeclared(row), Is.EqualTo("yes (inc.)"));
        });
    }

    [Test]
    public void AsDeclared_OfAPlantedBug_NeedsItsPropertyToFail_AndIsUnknownWhenItWasNotChecked()
    {
        var bug = Registry.Find("no-lock");

        var caught = Row(bug, Fail(Property.Once, "why", "history"));
        var missed = Row(bug, Pass(Property.Once));
        var unchecked_ = Row(bug, Pass(Property.Same)) with { Properties = [Property.Same] };

        Assert.Multiple(() =>
        {
            Assert.That(caught.AsDeclared, Is.True);
            Assert.That(missed.AsDeclared, Is.False);
            Assert.That(unchecked_.AsDeclared, Is.Null);
        });
    }

    [Test]
    public void Verdict_OverSeveralEngines_FailsIfAnyFailsAndPassesIfAnyPasses()
    {
        var implementation = Registry.Describe(typeof(MarkupAdapter));
        var unjudged = (Property property) => new PropertyResult(property, Verdict.Inconclusive, 0, TimeSpan.Zero, Cause: "could not judge");
        var row = new ImplementationOutcome(implementation, [Property.Once, Property.Same, Property.Live, Property.Cancel],
        [
            Report("one", implementation, null, Pass(Property.Once), Pass(Property.Same), Pass(Property.Live), unjudged(Property.Cancel)),
            Report("two", implementation, null, Fail(Property.Once, "why", "h"), unjudged(Property.Same), Pass(Property.Live), unjudged(Property.Cancel)),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(row.VerdictOf(Property.Once), Is.EqualTo(Verdict.Fail));
            Assert.That(row.VerdictOf(Property.Same), Is.EqualTo(Verdict.Pass), "an engine that could not judge adds nothing");
            Assert.That(row.VerdictOf(Property.Live), Is.EqualTo(Verdict.Pass));
            Assert.That(row.VerdictOf(Property.Cancel), Is.EqualTo(Verdict.Inconclusive), "no engine could judge it");
            Assert.That(row.EnginesSay(Property.Same), Is.EqualTo("one pass, two inconclusive"));
        });
    }

    [Test]
    public void Progress_WhenRedirected_PrintsFinishedRunsAndHeartbeatsButNeverRedraws()
    {
        using var output = new StringWriter();
        var display = new ProgressDisplay(output, interactive: false);
        var implementation = Registry.Find("double-checked");

        display.Report(new EngineProgress("coyote", implementation, "concurrent-get", 10, 1000, TimeSpan.FromSeconds(1), false));
        display.Report(new EngineProgress("coyote", implementation, "concurrent-get", 900, 1000, ProgressDisplay.HeartbeatInterval, false));
        display.Report(new EngineProgress("coyote", implementation, "concurrent-get", 1000, 1000, ProgressDisplay.HeartbeatInterval * 1.2, true));

        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Multiple(() =>
        {
            Assert.That(output.ToString(), Does.Not.Contain("\r"));
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.Contain("900/1000 it").And.EndWith("..."));
            Assert.That(lines[1], Does.Contain("double-checked").And.Contain("concurrent-get").And.Contain("1000 it").And.Contain("it/s"));
        });
    }

    [Test]
    public void Progress_OnATerminal_RedrawsOneStatusLineAndClearsItForTheFinishedLine()
    {
        using var output = new StringWriter();
        var display = new ProgressDisplay(output, interactive: true);
        var implementation = Registry.Find("double-checked");

        display.Report(new EngineProgress("coyote", implementation, "failure", 10, 1000, TimeSpan.FromSeconds(1), false));
        display.Report(new EngineProgress("coyote", implementation, "failure", 1000, 1000, TimeSpan.FromSeconds(7), true));

        var text = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("\r"));
            Assert.That(text, Does.Contain("10/1000 it"));
            Assert.That(text.TrimEnd().Split(Environment.NewLine), Has.Length.EqualTo(1), "the status line is overwritten, not kept");
        });
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static VerificationOutcome Outcome(params ImplementationOutcome[] rows) =>
        new(VerifyOptions.Parse([]), [.. rows], TimeSpan.FromSeconds(1));

    private static ImplementationOutcome Row(Implementation implementation, params PropertyResult[] results) => Row(implementation, null, results);

    private static ImplementationOutcome Row(Implementation implementation, Fingerprint? fingerprint, params PropertyResult[] results) =>
        new(implementation, [.. results.Select(r => r.Property)], [Report("coyote", implementation, fingerprint, results)]);

    /// <summary>A report from an engine whose passes certify, as Coyote's do; the merge reads the evidence, never the name.</summary>
    private static EngineReport Report(string engine, Implementation implementation, Fingerprint? fingerprint, params PropertyResult[] results) =>
        new(engine, implementation, [.. results], fingerprint, 10, TimeSpan.FromSeconds(1), Evidence.Systematic);

    private static PropertyResult Pass(Property property) => new(property, Verdict.Pass, 10, TimeSpan.FromSeconds(1));

    private static PropertyResult Fail(Property property, string reason, string history) =>
        new(property, Verdict.Fail, 10, TimeSpan.FromSeconds(1), StandardScenarios.ConcurrentGet, new Violation(property, reason), history);

    /// <summary>Only its attribute is used: the name and description carry markup to escape.</summary>
    [SingletonImplementation("test-<b>markup</b>", Cancellation = CancellationPolicy.CallerAbandon, Description = "a <script>alert(1)</script> b")]
    private sealed class MarkupAdapter : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => throw new NotSupportedException("Never run.");
    }
}
