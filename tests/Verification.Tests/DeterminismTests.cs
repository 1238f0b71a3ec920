using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>The same budget gives the same verdicts, byte-identical traces and identical histories, run after run.</summary>
public sealed class DeterminismTests
{
    [Test]
    public void Verify_ThreeTimesWithTheSameSeedRange_GivesIdenticalVerdictsTracesHistoriesAndFingerprints()
    {
        var budget = new Budget(TestSettings.Ci with { Iterations = 50, Seed = 7, Strategy = Strategy.Random }, SeedCount: 3);
        var runs = Enumerable.Range(0, 3).Select(_ => Observe(budget)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(runs[0].Any(r => r.Trace is not null), "The range must hold at least one failing run, or traces are not compared.");
            Assert.That(runs[1], Is.EqualTo(runs[0]));
            Assert.That(runs[2], Is.EqualTo(runs[0]));
        });
    }

    [Test]
    public void Shards_OfASeedRange_CoverEverySeedExactlyOnce()
    {
        var whole = new Budget(TestSettings.Ci, SeedCount: 10);
        var shards = Enumerable.Range(0, 3).SelectMany(i => (whole with { ShardIndex = i, ShardCount = 3 }).Seeds).Order();

        Assert.That(shards, Is.EqualTo(whole.Seeds));
    }

    /// <summary>What verify's engine reports, run by run: each property's verdict, its trace's bytes and its history, and the fingerprint.</summary>
    private static List<(string Property, Verdict Verdict, string? Trace, string? History)> Observe(Budget budget)
    {
        var report = new CoyoteEngine().Verify(Registry.Find("no-lock"), new VerificationRequest(budget, [.. Specs.PropertyIds.All]));
        return [
            .. report.Results.Select(r => (r.Property.ToString(), r.Verdict, r.Witness?.TracePath is { } trace ? File.ReadAllText(trace) : null, r.History)),
            ("fingerprint", Verdict.Pass, null, string.Join(Environment.NewLine, report.Fingerprint?.Evidence ?? [])),
        ];
    }
}
