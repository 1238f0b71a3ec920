using Verification.Core;
using Verification.Specs;
using Verification.Tests.Fixtures;

namespace Verification.Tests;

/// <summary>What the harness says about implementations that break the rules of the game rather than the contract.</summary>
public sealed class DiagnosisTests
{
    private static Implementation Fixture<TAdapter>(string name) where TAdapter : SingletonAdapter =>
        new(name, typeof(TAdapter), ImplementationKind.User, new DeclaredContract(FailurePolicy.Retry, CancellationPolicy.None, SupportsReset: false), null, name);

    [Test]
    public void Run_OfStaticLockLeakingAcrossIterations_FailsNamingTheLeak()
    {
        var result = CoyoteRunner.Run(Fixture<LeakyStaticLockAdapter>("leaky-static-lock"), StandardScenarios.ConcurrentGet, TestSettings.Ci with { Iterations = 20 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(result.Diagnosis, Does.Contain("Static state leaks").And.Contain("ResetStaticState"));
            Assert.That(result.Violations, Is.Empty, "A leak is not a contract violation; the partial history must not be judged as one.");
        });
    }
}
