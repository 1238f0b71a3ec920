using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>Every implementation expected to hold its contract, through every scenario that applies, under Coyote.</summary>
public sealed class MatrixTests
{
    [TestCaseSource(typeof(Catalog), nameof(Catalog.ExpectedToPassByScenario))]
    public void Implementation_InScenario_HoldsEveryProperty(Implementation implementation, Scenario scenario)
    {
        var result = CoyoteRunner.Run(implementation, scenario, TestSettings.Budget);
        TestSettings.Attach(result);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
    }
}
