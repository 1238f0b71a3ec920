using FsCheck;
using Verification.Core;
using Verification.Generation;

namespace Verification.Tests;

/// <summary>The arbitrary FsCheck.NUnit's <c>[Property]</c> tests draw scenario plans from: every kind of plan, resets included, with the shrinker.</summary>
public static class PlanArbitraries
{
    public static Arbitrary<Scenario> Scenarios() => ScenarioGenerators.Arbitrary(withReset: true);
}
