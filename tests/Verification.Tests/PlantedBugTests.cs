using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>The harness's proof of its own power: every planted bug is caught, for the property it declares, by the engine verify runs.</summary>
public sealed class PlantedBugTests
{
    [TestCaseSource(typeof(Catalog), nameof(Catalog.PlantedBugsUnderEachStrategy))]
    public void PlantedBug_UnderStrategy_IsCaughtViolatingItsDeclaredProperty(Implementation bug, Strategy strategy)
    {
        var expected = bug.ExpectedViolation!.Value;
        var budget = TestSettings.Budget with { Settings = TestSettings.Budget.Settings with { Strategy = strategy } };
        var seen = new List<string>();
        foreach (var scenario in StandardScenarios.For(bug))
        {
            var report = new CoyoteEngine().Verify(
                bug, new VerificationRequest(budget, [.. PropertyIds.All], Characterize: false, Scenarios: [scenario], StopAtFirstFailure: true));
            var caught = report.Results.Single(r => r.Property == expected);
            seen.Add($"{scenario.Name}: {string.Join(",", report.Results.Where(r => r.Verdict == Verdict.Fail).Select(r => r.Property.Id()))}");
            if (caught.Verdict == Verdict.Fail)
            {
                Assert.That(caught.Witness?.TracePath, Does.Exist, "a failure carries the trace of the run that found it");
                TestSettings.Attach(caught.Witness!);
                return;
            }
        }

        Assert.Fail($"{bug.Name} must be caught violating {expected.Id()}, but: {string.Join("; ", seen)}");
    }
}
