using FsCheck.Fluent;
using Verification.Core;
using Verification.Generation;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

namespace Verification.Tests;

/// <summary>The generators plan what the issue asks for, and the shrinker only ever moves to smaller valid plans.</summary>
public sealed class ScenarioShrinkerProperties
{
#pragma warning disable NUnit1027 // FsCheck supplies the argument; the NUnit analyzer does not know its attribute.
    [FsCheckProperty(Arbitrary = new[] { typeof(PlanArbitraries) }, MaxTest = 300)]
    public bool Shrink_OfAnyScenario_GivesOnlyValidStrictlySmallerPlans(Scenario scenario)
    {
        var size = ScenarioSize.Of(scenario);
        return ScenarioShrinker.Shrink(scenario).All(candidate =>
        {
            var smaller = ScenarioSize.Of(candidate);
            return candidate.Callers.Length >= 1
                && candidate.Callers.All(ops => ops.Length >= 1)
                && smaller < size
                && smaller.Callers <= size.Callers
                && smaller.Cancellations <= size.Cancellations
                && smaller.Resets <= size.Resets
                && Scenario.Parse(candidate.Text).Text == candidate.Text;
        });
    }

    [FsCheckProperty(Arbitrary = new[] { typeof(PlanArbitraries) }, MaxTest = 300)]
    public bool Normalize_OfAnyScenario_KeepsThePlanAndDropsOnlyTrailingDefaultScripts(Scenario scenario)
    {
        var normalized = ScenarioShrinker.Normalize(scenario);
        var attempts = Math.Max(scenario.Attempts.Length, 1) + 1;
        return Enumerable.Range(1, attempts).All(a => normalized.ScriptFor(a) == scenario.ScriptFor(a))
            && (normalized.Attempts.IsEmpty || normalized.Attempts[^1] != ScenarioShrinker.DefaultScript);
    }
#pragma warning restore NUnit1027

    [Test]
    public void Shrink_WhileEveryPlanFails_EndsAtOneCallerWithOneGet()
    {
        var scenario = Scenario.Parse("c1=get~cancel,reset,get c2=get~cancelled,get~cancellable c3=get,get,get a=hang,fail:3,ok:0");
        var steps = 0;

        // FsCheck's loop: keep the first candidate that still fails (here, every one), until none is left.
        while (ScenarioShrinker.Shrink(scenario).FirstOrDefault() is { } smaller)
        {
            scenario = smaller;
            steps++;
        }

        Assert.That(scenario.Text, Is.EqualTo("c1=get"), $"after {steps} steps");
    }

    [Test]
    public void Shrink_OfTheNoLockRaceScenario_TriesDroppingEachCallerFirst()
    {
        var scenario = Scenario.Parse("c1=get c2=get c3=get");

        var candidates = ScenarioShrinker.Shrink(scenario).Select(s => s.Text).ToList();

        Assert.That(candidates.Take(3), Is.EqualTo(Enumerable.Repeat("c1=get c2=get", 3)));
    }

    [Test]
    public void Generator_OverAFullRun_PlansEverythingTheIssueAsksFor()
    {
        var plans = Enumerable.Range(0, 101).SelectMany(size => ScenarioGenerators.Scenario(withReset: true).Sample(20, size)).ToList();
        var operations = plans.SelectMany(p => p.Callers.SelectMany(ops => ops)).ToList();
        var scripts = plans.SelectMany(p => p.Attempts).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(plans.Min(p => p.Callers.Length), Is.EqualTo(1));
            Assert.That(plans.Max(p => p.Callers.Length), Is.EqualTo(ScenarioGenerators.MaxCallers));
            Assert.That(operations, Has.Some.EqualTo(Operation.GetCanceledDuring).And.Some.EqualTo(Operation.GetCanceledBefore).And.Some.EqualTo(Operation.ResetOp));
            Assert.That(operations, Has.Some.EqualTo(Operation.GetWithCancellableToken), "a cancellable token that is never cancelled is a plan of its own");
            Assert.That(scripts.Select(s => s.Behavior).Distinct(), Is.EquivalentTo(Enum.GetValues<AttemptBehavior>()));
            Assert.That(plans, Has.Some.Matches<Scenario>(p => p.Callers.Any(ops => ops.Length > 1)));
        });
    }

    [Test]
    public void Generator_ForImplementationWithoutReset_NeverPlansAReset()
    {
        var noReset = Registry.All.First(i => !i.Contract.SupportsReset);
        var arbitrary = ScenarioGenerators.For(noReset);

        var plans = Enumerable.Range(0, 101).SelectMany(size => arbitrary.Generator.Sample(20, size));

        Assert.That(plans, Has.None.Matches<Scenario>(p => p.UsesReset));
    }
}
