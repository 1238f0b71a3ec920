using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// Every implementation expected to hold its contract, through every scenario that applies, judged by the engine verify
/// runs: no property fails, and every property the scenario exercises passes.
/// </summary>
public sealed class MatrixTests
{
    [TestCaseSource(typeof(Catalog), nameof(Catalog.ExpectedToPassByScenario))]
    public void Implementation_InScenario_HoldsEveryProperty(Implementation implementation, Scenario scenario)
    {
        var report = new CoyoteEngine().Verify(
            implementation, new VerificationRequest(TestSettings.Budget, [.. PropertyIds.All], Characterize: false, Scenarios: [scenario]));
        foreach (var witness in report.Results.Select(r => r.Witness).OfType<RunResult>())
        {
            TestSettings.Attach(witness);
        }

        var described = string.Join(Environment.NewLine, report.Results.Select(r => $"{r.Property.Id()}: {r.Verdict} {r.Violation} {r.Cause} {r.Witness?.Describe()}"));
        Assert.Multiple(() =>
        {
            Assert.That(report.Results.Select(r => r.Verdict), Has.None.EqualTo(Verdict.Fail), described);
            Assert.That(report.Results.Where(r => scenario.Targets.Contains(r.Property)).Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass), described);
        });
    }
}
