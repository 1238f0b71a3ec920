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

    [TestCase("c1=get c3=get")]
    [TestCase("c1=fetch")]
    [TestCase("a=ok:1")]
    [TestCase("c1=get a=ok:x")]
    [TestCase("c1")]
    public void Parse_OfMalformedText_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => Scenario.Parse(text));
}
