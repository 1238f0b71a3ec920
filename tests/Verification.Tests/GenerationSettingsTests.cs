using Verification.Core;
using Verification.Generation;

namespace Verification.Tests;

/// <summary>The FsCheck seed a failure prints pins the run, from the environment or in code.</summary>
public sealed class GenerationSettingsTests
{
    private static readonly GenerationSettings Defaults = new(new RunSettings(Iterations: 10), Tests: 100, Replay: ReplaySeed.Fixed);

    [TestCase("(12345,67891)")]
    [TestCase("12345,67891")]
    [TestCase(" ( 12345 , 67891 ) ")]
    public void Parse_OfPrintedSeed_GivesBackTheSeed(string text) =>
        Assert.That(ReplaySeed.Parse(text), Is.EqualTo(new ReplaySeed(12345, 67891)));

    [TestCase("")]
    [TestCase("12345")]
    [TestCase("(1,2,3)")]
    [TestCase("(-1,3)")]
    public void Parse_OfSomethingElse_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => ReplaySeed.Parse(text));

    [Test]
    public void FromEnvironment_WithEveryVariableSet_OverridesTestsIterationsAndSeed()
    {
        var variables = new Dictionary<string, string>
        {
            [GenerationSettings.Variables.Tests] = "500",
            [GenerationSettings.Variables.Iterations] = "80",
            [GenerationSettings.Variables.Replay] = "(7,9)",
        };

        var settings = GenerationSettings.FromEnvironment(Defaults, variables.GetValueOrDefault);

        Assert.That(settings, Is.EqualTo(Defaults with { Tests = 500, Case = Defaults.Case with { Iterations = 80 }, Replay = new ReplaySeed(7, 9) }));
    }

    [Test]
    public void FromEnvironment_WithReplayRandom_LeavesTheSeedToEachRun() =>
        Assert.That(GenerationSettings.FromEnvironment(Defaults, name => name == GenerationSettings.Variables.Replay ? "random" : null).Replay, Is.Null);

    [Test]
    public void FromEnvironment_WithABadValue_NamesTheVariable()
    {
        var bad = Assert.Throws<FormatException>(() => GenerationSettings.FromEnvironment(Defaults, name => name == GenerationSettings.Variables.Tests ? "many" : null));

        Assert.That(bad.Message, Does.Contain(GenerationSettings.Variables.Tests));
    }

    [Test]
    public void Random_Seeds_AreUsableByFsCheckAndDiffer()
    {
        var seeds = Enumerable.Range(0, 5).Select(_ => ReplaySeed.Random()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(seeds.Select(s => s.Gamma % 2), Is.All.EqualTo(1UL), "FsCheck's generator needs an odd gamma");
            Assert.That(seeds.Distinct().Count(), Is.GreaterThan(1));
            Assert.That(seeds.Select(s => ReplaySeed.Parse(s.ToString())), Is.EqualTo(seeds));
        });
    }
}
