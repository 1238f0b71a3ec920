using Verification.Core;
using Verification.Generation;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// FsCheck generates scenario plans, each runs under Coyote with a small fixed budget, and a failure is shrunk to the
/// smallest plan that still fails. Hand-picked scenarios find the bugs we thought of; these find the rest.
/// </summary>
public sealed class GeneratedScenarioTests
{
    private static Implementation NoLock => Registry.Find("no-lock");

    [TestCaseSource(typeof(Catalog), nameof(Catalog.ExpectedToPass))]
    public void Implementation_OnGeneratedScenarios_HoldsEveryProperty(Implementation implementation)
    {
        var result = GenerationRunner.Run(implementation, TestSettings.Generation);
        TestContext.Out.WriteLine(result.Describe());
        if (result.Counterexample is { } counterexample)
        {
            TestSettings.Attach(counterexample);
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Found, Is.False, result.Describe);
            Assert.That(result.Tests, Is.EqualTo(TestSettings.Generation.Tests), "every generated scenario must have run");
        });
    }

    [TestCaseSource(typeof(Catalog), nameof(Catalog.PlantedBugs))]
    public void PlantedBug_OnGeneratedScenarios_IsFoundAndShrunkToASmallScenario(Implementation bug)
    {
        var expected = bug.ExpectedViolation!.Value;

        var result = Counterexamples.For(bug);
        TestContext.Out.WriteLine(result.Describe());

        Assert.That(result.Found, $"FsCheck found no scenario in which {bug.Name} violates {expected.Id()}: {result.Describe()}");
        TestSettings.Attach(result.Counterexample!);
        var size = result.ShrunkSize!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Counterexample!.Verdict, Is.EqualTo(Verdict.Fail), result.Describe);
            Assert.That(result.Counterexample.Violates(expected), result.Describe);
            Assert.That(size.Callers, Is.LessThanOrEqualTo(3), result.Describe);
            Assert.That(size.MaxOperationsPerCaller, Is.LessThanOrEqualTo(2), result.Describe);
            Assert.That(size.AttemptScripts, Is.LessThanOrEqualTo(2), result.Describe);
            Assert.That(size, Is.LessThanOrEqualTo(ScenarioSize.Of(result.Original!)), "shrinking never grows a plan");
        });
    }

    [Test]
    public void NoLock_OnGeneratedScenarios_ShrinksToTwoCallersWithOneGetEach()
    {
        var result = Counterexamples.For(NoLock);
        Assert.That(result.Found, result.Describe);

        var size = result.ShrunkSize!;
        Assert.Multiple(() =>
        {
            Assert.That(size.Callers, Is.EqualTo(2), result.Describe);
            Assert.That(size.Operations, Is.EqualTo(2), result.Describe);
            Assert.That(result.Shrunk!.Callers.SelectMany(ops => ops), Is.All.EqualTo(Operation.Get), result.Describe);
            Assert.That(size.Cancellations, Is.Zero, result.Describe);
            Assert.That(size.Resets, Is.Zero, result.Describe);
            Assert.That(size.AttemptScripts, Is.LessThanOrEqualTo(1), result.Describe);
            Assert.That(result.Counterexample!.Violates(Property.Once), result.Describe);
        });
    }

    /// <summary>The smallest scenario showing each sample bug, as FsCheck shrinks it from the CI seed.</summary>
    public static IEnumerable<TestCaseData> SampleBugsAndTheirSmallestScenarios() =>
        from expected in new[]
        {
            ("sample-cached-failure", "c1=get,get a=fail:0"),
            ("sample-cancelled-attempt", "c1=get~cancel"),
            ("sample-uncancellable-wait", "c1=get~cancel a=hang"),
            ("sample-reset-keeps-instance", "c1=reset c2=get,get"),
        }
        select new TestCaseData(SampleBugs.All.Single(b => b.Name == expected.Item1), expected.Item2).SetArgDisplayNames(expected.Item1);

    [TestCaseSource(nameof(SampleBugsAndTheirSmallestScenarios))]
    public void SampleBug_OnGeneratedScenarios_ShrinksToTheSmallestScenarioOfItsKind(Implementation bug, string smallest)
    {
        var result = Counterexamples.For(bug);
        TestContext.Out.WriteLine(result.Describe());

        Assert.That(result.Found, result.Describe);
        Assert.Multiple(() =>
        {
            Assert.That(result.Counterexample!.Violates(bug.ExpectedViolation!.Value), result.Describe);
            Assert.That(result.ShrunkSize, Is.EqualTo(ScenarioSize.Of(Scenario.Parse(smallest))), result.Describe);
        });
    }

    [Test]
    public void FailureMessage_OfShrunkCounterexample_ShowsScenarioSeedTraceHistoryAndReplay()
    {
        var result = Counterexamples.For(NoLock);
        Assert.That(result.Found, result.Describe);

        var message = result.Describe();

        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain($"Shrunk scenario:  {result.Shrunk!.Text}"));
            Assert.That(() => Scenario.Parse(result.Shrunk.Text), Throws.Nothing, "the scenario text is pasteable");
            Assert.That(message, Does.Contain($"FsCheck seed:     {result.Seed}"));
            Assert.That(message, Does.Contain($"{GenerationSettings.Variables.Replay}='{result.Seed.Seed},{result.Seed.Gamma}'").And.Contain("Config.WithReplay"));
            Assert.That(result.Counterexample!.TracePath, Does.Exist);
            Assert.That(message, Does.Contain($"Trace: {result.Counterexample.TracePath}"));
            Assert.That(message, Does.Contain("step | caller 1").And.Contain("attempt 2 starts"));
            Assert.That(message, Does.Contain("coyote replay").And.Contain(VerificationCase.EnvironmentVariable + "='no-lock|" + result.Shrunk.Text + "'"));
        });
    }

    [Test]
    public void Search_PinnedToTheReportedSeed_FindsAndShrinksTheSameCounterexample()
    {
        var first = Counterexamples.For(NoLock);

        var again = GenerationRunner.Run(NoLock, TestSettings.GenerationForBugs with { Replay = ReplaySeed.Parse(first.Seed.ToString()) }, Property.Once);

        Assert.Multiple(() =>
        {
            Assert.That(again.Tests, Is.EqualTo(first.Tests));
            Assert.That(again.Original?.Text, Is.EqualTo(first.Original?.Text));
            Assert.That(again.Shrunk?.Text, Is.EqualTo(first.Shrunk?.Text));
            Assert.That(again.Counterexample?.History, Is.EqualTo(first.Counterexample?.History));
        });
    }

    [Test]
    public void ShrunkCounterexample_ReplayedFromItsTrace_ReproducesTheViolation()
    {
        var found = Counterexamples.For(NoLock);
        Assert.That(found.Found, found.Describe);

        var replayed = Exploration.Replay(new VerificationCase(NoLock, found.Shrunk!), File.ReadAllText(found.Counterexample!.TracePath!), TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(replayed.Verdict, Is.EqualTo(Verdict.Fail), replayed.Describe);
            Assert.That(replayed.Violations, Is.EqualTo(found.Counterexample.Violations));
        });
    }
}
