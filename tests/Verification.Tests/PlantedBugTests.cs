using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>The harness's proof of its own power: every planted bug is caught, for the property it declares.</summary>
public sealed class PlantedBugTests
{
    [TestCaseSource(typeof(Catalog), nameof(Catalog.PlantedBugsUnderEachStrategy))]
    public void PlantedBug_UnderStrategy_IsCaughtViolatingItsDeclaredProperty(Implementation bug, Strategy strategy)
    {
        var expected = bug.ExpectedViolation!.Value;
        var budget = TestSettings.Budget with { Settings = TestSettings.Budget.Settings with { Strategy = strategy } };
        var runs = new List<RunResult>();
        foreach (var scenario in StandardScenarios.For(bug))
        {
            var result = CoyoteRunner.Run(bug, scenario, budget);
            runs.Add(result);
            if (result.Violates(expected))
            {
                TestSettings.Attach(result);
                break;
            }
        }

        Assert.That(runs.Any(r => r.Violates(expected)),
            $"{bug.Name} must be caught violating {expected.Id()}, but: {string.Join("; ", runs.Select(r => $"{r.Scenario.Name}: {r.Verdict} {string.Join(",", r.Violations.Select(v => v.Property.Id()))}"))}");
    }
}
