using System.Collections.Immutable;
using System.Text.Json;
using Verification.Cli;
using Verification.Generation;
using Verification.Cli.Reports;
using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// The matrix merges engines by the evidence behind their verdicts, never by their names: every engine here is a fake,
/// and the names are chosen to mislead (a sampled engine called <c>coyote</c>, a systematic one called <c>stress</c>).
/// </summary>
public sealed class EvidenceMergeTests
{
    private static readonly ImmutableArray<Property> Once = [Property.Once];

    private static readonly string[] ExpectedEvidence = ["systematic", "sampled-on-real-threads"];

    [Test]
    public void Engines_DeclareTheEvidenceThatBacksThem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EngineCatalog.Available.OfType<CoyoteEngine>().Single().Evidence, Is.EqualTo(Evidence.Systematic));
            Assert.That(EngineCatalog.Available.OfType<FsCheckEngine>().Single().Evidence, Is.EqualTo(Evidence.Generated));
            Assert.That(EngineCatalog.Available.OfType<StressEngine>().Single().Evidence, Is.EqualTo(Evidence.SampledOnRealThreads));
        });
    }

    [Test]
    public void Evidence_CertifiesAPass_OnlyWhenTheSchedulesWereControlled()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Evidence.Systematic.CanCertifyPass(), Is.True);
            Assert.That(Evidence.Generated.CanCertifyPass(), Is.True);
            Assert.That(Evidence.SampledOnRealThreads.CanCertifyPass(), Is.False);
        });
    }

    [TestCase("anything")]
    [TestCase("coyote")]
    public void APassSampledOnRealThreads_Alone_IsInconclusive_WhateverTheEngineIsCalled(string name)
    {
        var row = Outcome(new FakeEngine(name, Evidence.SampledOnRealThreads, Verdict.Pass));

        Assert.Multiple(() =>
        {
            Assert.That(row.VerdictOf(Property.Once), Is.EqualTo(Verdict.Inconclusive));
            Assert.That(row.CauseOf(Property.Once), Does.StartWith($"Only the {name} engine passed it").And.EndWith("run coyote or fscheck too."));
        });
    }

    [Test]
    public void ASystematicInconclusive_AndASampledPass_AreInconclusive()
    {
        var row = Outcome(
            new FakeEngine("stress", Evidence.Systematic, Verdict.Inconclusive, "could not control it"),
            new FakeEngine("coyote", Evidence.SampledOnRealThreads, Verdict.Pass));

        Assert.Multiple(() =>
        {
            Assert.That(row.VerdictOf(Property.Once), Is.EqualTo(Verdict.Inconclusive));
            Assert.That(row.CauseOf(Property.Once), Is.EqualTo("could not control it"), "the engine that could not judge says why");
        });
    }

    [Test]
    public void AnyFailure_Fails_WhateverTheEvidenceBehindIt([Values] Evidence failing)
    {
        var row = Outcome(
            new FakeEngine("one", Evidence.Systematic, Verdict.Pass),
            new FakeEngine("two", failing, Verdict.Fail),
            new FakeEngine("three", Evidence.Generated, Verdict.Inconclusive));

        Assert.That(row.VerdictOf(Property.Once), Is.EqualTo(Verdict.Fail));
    }

    [Test]
    public void AGeneratedPass_Passes_AndAnEngineThatCouldNotJudgeAddsNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Outcome(new FakeEngine("stress", Evidence.Generated, Verdict.Pass)).VerdictOf(Property.Once), Is.EqualTo(Verdict.Pass));
            Assert.That(Outcome(
                new FakeEngine("a", Evidence.Systematic, Verdict.Inconclusive),
                new FakeEngine("b", Evidence.Generated, Verdict.Pass),
                new FakeEngine("c", Evidence.SampledOnRealThreads, Verdict.Pass)).VerdictOf(Property.Once), Is.EqualTo(Verdict.Pass));
            Assert.That(Outcome(new FakeEngine("stress", Evidence.Systematic, Verdict.Pass)).VerdictOf(Property.Once), Is.EqualTo(Verdict.Pass),
                "a systematic engine certifies whatever it is called");
        });
    }

    [Test]
    public void APropertyNoEngineRan_DoesNotApply()
    {
        var row = Outcome(new FakeEngine("a", Evidence.Systematic, Verdict.NotApplicable), new FakeEngine("b", Evidence.SampledOnRealThreads, Verdict.NotApplicable));

        Assert.That(row.VerdictOf(Property.Once), Is.EqualTo(Verdict.NotApplicable));
    }

    [Test]
    public void EveryCatalogEngine_ReportsTheEvidenceItDeclares()
    {
        var implementation = Registry.Find("double-checked");
        var request = new VerificationRequest(new Budget(new RunSettings(Iterations: 1, ResultsDirectory: TestSettings.ResultsDirectory)), Once, Characterize: false);

        Assert.Multiple(() =>
        {
            foreach (var engine in EngineCatalog.Available)
            {
                Assert.That(engine.Verify(implementation, request).Evidence, Is.EqualTo(engine.Evidence), engine.Name);
            }
        });
    }

    /// <summary>
    /// Over every combination of what the three catalog engines can say (each absent, pass, fail, inconclusive or n/a), the
    /// rule over their declared evidence gives exactly the verdicts of the rule it replaced, which named the stress engine.
    /// </summary>
    [Test]
    public void OverTheCatalogsEngines_TheRuleGivesTheVerdictsOfTheRuleItReplaced()
    {
        Verdict?[] says = [null, Verdict.Pass, Verdict.Fail, Verdict.Inconclusive, Verdict.NotApplicable];
        var engines = EngineCatalog.Available;
        var combinations =
            from coyote in says
            from fscheck in says
            from stress in says
            select new[] { coyote, fscheck, stress };
        Assert.Multiple(() =>
        {
            foreach (var combination in combinations)
            {
                var ran = engines.Zip(combination).Where(e => e.Second is not null).Select(e => (Engine: e.First, Verdict: e.Second!.Value)).ToList();
                var merged = ImplementationOutcome.Merge(ran.Select(r => (r.Verdict, r.Engine.Evidence)));
                Assert.That(merged, Is.EqualTo(ByName(ran.Select(r => (r.Engine.Name, r.Verdict)))), string.Join(", ", ran.Select(r => $"{r.Engine.Name} {r.Verdict}")));
            }
        });

        // The rule as it was, before engines declared their evidence.
        static Verdict ByName(IEnumerable<(string Engine, Verdict Verdict)> results)
        {
            var all = results.ToList();
            var verdicts = all.Select(r => r.Verdict).ToList();
            return verdicts.Contains(Verdict.Fail) ? Verdict.Fail
                : all.Any(r => r.Verdict == Verdict.Pass && r.Engine != StressEngine.EngineName) ? Verdict.Pass
                : verdicts.Contains(Verdict.Inconclusive) || verdicts.Contains(Verdict.Pass) ? Verdict.Inconclusive
                : Verdict.NotApplicable;
        }
    }

    [Test]
    public void Reports_SayWhichEvidenceBacksEachEnginesVerdict()
    {
        var row = Outcome(new FakeEngine("judge", Evidence.Systematic, Verdict.Inconclusive, "could not judge"), new FakeEngine("sampler", Evidence.SampledOnRealThreads, Verdict.Pass));
        var outcome = new VerificationOutcome(VerifyOptions.Parse(["--property", "ONCE"]), [row], TimeSpan.FromSeconds(1));

        using var json = JsonDocument.Parse(JsonReport.Serialize(outcome));
        var html = HtmlReport.Render(outcome, Path.GetTempPath());

        var results = json.RootElement.GetProperty("implementations")[0].GetProperty("results");
        Assert.Multiple(() =>
        {
            Assert.That(results.EnumerateArray().Select(r => r.GetProperty("evidence").GetString()), Is.EqualTo(ExpectedEvidence));
            Assert.That(html, Does.Contain("title=\"judge inconclusive (systematic), sampler pass (sampled-on-real-threads). could not judge\">inconclusive</td>"));
        });
    }

    private static ImplementationOutcome Outcome(params FakeEngine[] engines)
    {
        var implementation = Registry.Find("double-checked");
        return new ImplementationOutcome(implementation, Once, [.. engines.Select(e => e.Verify(implementation, Request()))]);
    }

    private static VerificationRequest Request() => new(new Budget(new RunSettings(Iterations: 1)), Once);

    /// <summary>An engine that says what it is told, backed by the evidence it is told to declare.</summary>
    /// <param name="name">Its name, which must not matter.</param>
    /// <param name="evidence">The evidence it declares.</param>
    /// <param name="verdict">Its verdict on every property.</param>
    /// <param name="cause">The cause it gives, if any.</param>
    private sealed class FakeEngine(string name, Evidence evidence, Verdict verdict, string? cause = null) : IVerificationEngine
    {
        public string Name => name;

        public Evidence Evidence => evidence;

        public EngineReport Verify(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress = null) =>
            new(Name, implementation, [.. request.Properties.Select(p => new PropertyResult(p, verdict, 1, TimeSpan.Zero, Cause: cause))], null, 1, TimeSpan.Zero, Evidence);
    }
}
