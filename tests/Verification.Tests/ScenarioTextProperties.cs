using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using Verification.Core;
using Verification.Generation;

namespace Verification.Tests;

/// <summary>The text form of a scenario (what failure messages print and replay reads) loses nothing.</summary>
public sealed class ScenarioTextProperties
{
#pragma warning disable NUnit1027 // FsCheck supplies the argument; the NUnit analyzer does not know its attribute.
    [FsCheckProperty(Arbitrary = new[] { typeof(PlanArbitraries) }, MaxTest = 300)]
    public bool Parse_OfText_GivesBackTheSamePlan(Scenario scenario)
    {
        var parsed = Scenario.Parse(scenario.Text);

        return parsed.Text == scenario.Text
            && parsed.Callers.Length == scenario.Callers.Length
            && parsed.Callers.Zip(scenario.Callers).All(pair => pair.First.SequenceEqual(pair.Second))
            && parsed.Attempts.SequenceEqual(scenario.Attempts);
    }
#pragma warning restore NUnit1027

    [TestCase("get", CancelTiming.Never)]
    [TestCase("get~cancel", CancelTiming.During)]
    [TestCase("get~cancelled", CancelTiming.Before)]
    [TestCase("get~cancellable", CancelTiming.NeverButCancellable)]
    public void Operation_OfEachCancelTiming_IsSpelledAndReadBackTheSame(string spelling, CancelTiming timing)
    {
        var scenario = Scenario.Parse($"c1={spelling} c2=get a=ok:1");
        var get = scenario.Callers[0].Single();

        Assert.Multiple(() =>
        {
            Assert.That(get.IsReset, Is.False);
            Assert.That(get.Cancel, Is.EqualTo(timing));
            Assert.That(get.ToString(), Is.EqualTo(spelling));
            Assert.That(scenario.Text, Is.EqualTo($"c1={spelling} c2=get a=ok:1"));
        });
    }

    [Test]
    public void GetWithCancellableToken_IsGivenATokenButNeverCancelled()
    {
        var scenario = Scenario.Parse("c1=get~cancellable,get~cancellable c2=get~cancellable a=hang");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Callers.SelectMany(ops => ops), Has.All.Matches<Operation>(o => o.PassesCancellableToken && !o.IsCancelledGet));
            Assert.That(scenario.UsesCancellation, Is.False, "no token is cancelled, so the plan exercises no cancellation policy");
        });
    }

    [TestCase("c1=get c3=get")]
    [TestCase("c1=fetch")]
    [TestCase("a=ok:1")]
    [TestCase("c1=get a=ok:x")]
    [TestCase("c1")]
    public void Parse_OfMalformedText_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => Scenario.Parse(text));
}
