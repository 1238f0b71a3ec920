using System.Collections.Immutable;
using Verification.Cli;
using Verification.Core;
using Verification.Generation;
using Verification.Specs;
using Verification.Tests.Fixtures;
using static Verification.Tests.Kit.FixtureImplementations;

namespace Verification.Tests;

/// <summary>
/// The misbehaving fixtures under the other two engines: FsCheck's generated plans (each run under Coyote) and stress on
/// the real thread pool. Each gets its diagnosis, in bounded time, and never a silent pass. <see cref="DiagnosisTests"/>
/// holds the same fixtures under the Coyote runner.
/// </summary>
public sealed class EveryEngineDiagnosisTests
{
    /// <summary>Generated plans per fixture: the first one already misbehaves, so these few are plenty.</summary>
    private const int Plans = 20;

    /// <summary>Far above what any fixture takes (a few seconds at most); only a hang would reach it.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static GenerationSettings Generation => new(TestSettings.Ci with { Iterations = TestSettings.GeneratedCaseIterations }, Plans, ReplaySeed.Fixed);

    /// <summary>What each fixture must be diagnosed with under Coyote-driven engines: a violated property, or words of the diagnosis.</summary>
    public static IEnumerable<TestCaseData> UnderCoyote()
    {
        yield return Case<ThrowsInConstructorAdapter>(null, "building the implementation threw InvalidOperationException");
        yield return Case<ReturnsNullAdapter>(Property.Same, "received null");
        yield return Case<NewInstanceEveryCallAdapter>(Property.Once, null);
        yield return Case<NeverCompletesAdapter>(Property.Live, null);
        yield return Case<LockOrderDeadlockAdapter>(Property.Live, null);
        yield return Case<BlocksOnResultInsideLockAdapter>(Property.Live, null);
        yield return Case<SpinsForeverAdapter>(Property.Live, "step bound");
        yield return Case<LazyFromUnrewrittenLibraryAdapter>(null, "FSharp.Core.dll");
        yield return Case<TimerCompletedAdapter>(null, "Timer");
        yield return Case<QueuesToThreadPoolAdapter>(null, "QueueUserWorkItem");
        yield return Case<LeakyStaticLockAdapter>(null, "Static state leaks");
    }

    /// <summary>
    /// What each fixture must be diagnosed with on the real thread pool. Code that is correct but uses what Coyote does not
    /// control runs clean here, and the result names what only this engine exercised. The static-lock fixture is absent:
    /// its leak is of a lock from one Coyote iteration's runtime into the next, and on real threads a process-wide lock is
    /// no fault, so there is nothing for stress to find.
    /// </summary>
    public static IEnumerable<TestCaseData> UnderStress()
    {
        yield return Case<ThrowsInConstructorAdapter>(null, "building the implementation threw InvalidOperationException");
        yield return Case<ReturnsNullAdapter>(Property.Same, "received null");
        yield return Case<NewInstanceEveryCallAdapter>(Property.Once, "ONCE: ");
        yield return Case<NeverCompletesAdapter>(Property.Live, "1 hung");
        yield return Case<LockOrderDeadlockAdapter>(Property.Live, "1 hung");
        yield return Case<BlocksOnResultInsideLockAdapter>(Property.Live, "1 hung");
        yield return Case<SpinsForeverAdapter>(Property.Live, "1 hung");
        yield return Case<TimerCompletedAdapter>(null, "Coyote does not control System.Threading.Timer");
        yield return Case<QueuesToThreadPoolAdapter>(null, "Coyote does not control System.Threading.ThreadPool.QueueUserWorkItem");
    }

    [TestCaseSource(nameof(UnderCoyote))]
    public void FsCheck_OnMisbehavingImplementation_ShrinksToAPlanCarryingItsDiagnosis(Type adapter, Property? property, string? words)
    {
        var result = GenerationRunner.Run(Fixture(adapter), Generation);
        TestContext.Out.WriteLine(result.Describe());

        Assert.That(result.Counterexample, Is.Not.Null, "a misbehaving implementation never passes the generated plans");
        var counterexample = result.Counterexample!;
        Assert.Multiple(() =>
        {
            Assert.That(counterexample.Verdict, Is.Not.EqualTo(Verdict.Pass));
            if (property is Property violated)
            {
                Assert.That(counterexample.Violations.Select(v => v.Property), Does.Contain(violated), counterexample.Describe);
            }

            if (words is not null)
            {
                Assert.That(counterexample.Describe(), Does.Contain(words));
            }

            Assert.That(result.Elapsed, Is.LessThan(Bound));
        });
    }

    [TestCaseSource(nameof(UnderStress))]
    public void Stress_OnMisbehavingImplementation_ReportsItsDiagnosis(Type adapter, Property? property, string words)
    {
        using var halt = new CancellationTokenSource();
        SpinsForeverAdapter.HaltRealThreads = halt;
        StressResult result;
        try
        {
            result = StressRunner.Run(Fixture(adapter), StandardScenarios.ConcurrentGet, new StressSettings(Repetitions: 200));
        }
        finally
        {
            SpinsForeverAdapter.HaltRealThreads = null;
            halt.Cancel();
        }

        TestContext.Out.WriteLine(result.Describe());
        Assert.Multiple(() =>
        {
            if (property is Property violated)
            {
                Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
                Assert.That(result.Violates(violated), result.Describe);
            }

            Assert.That(result.Describe(), Does.Contain(words));
            Assert.That(result.Elapsed, Is.LessThan(Bound));
        });
    }

    [Test]
    public void Matrix_WhereOnlyStressPassesCodeCoyoteCannotControl_StaysInconclusive()
    {
        var implementation = Fixture(typeof(TimerCompletedAdapter));
        var coyote = new PropertyResult(Property.Once, Verdict.Inconclusive, 100, TimeSpan.Zero, Cause: "Coyote cannot control System.Threading.Timer");
        var stress = new PropertyResult(Property.Once, Verdict.Pass, 100, TimeSpan.Zero);
        var outcome = new ImplementationOutcome(
            implementation, [Property.Once], [Report("coyote", Evidence.Systematic, coyote), Report("stress", Evidence.SampledOnRealThreads, stress)]);
        var stressAlone = new ImplementationOutcome(implementation, [Property.Once], [Report("stress", Evidence.SampledOnRealThreads, stress)]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.VerdictOf(Property.Once), Is.EqualTo(Verdict.Inconclusive));
            Assert.That(outcome.CauseOf(Property.Once), Does.Contain("System.Threading.Timer"));
            Assert.That(stressAlone.VerdictOf(Property.Once), Is.EqualTo(Verdict.Inconclusive));
            Assert.That(stressAlone.CauseOf(Property.Once), Does.Contain("Only the stress engine passed it"));
        });

        EngineReport Report(string engine, Evidence evidence, PropertyResult result) =>
            new(engine, implementation, [result], null, result.Iterations, TimeSpan.Zero, evidence);
    }

    private static TestCaseData Case<TAdapter>(Property? property, string? words) where TAdapter : SingletonAdapter =>
        new TestCaseData(typeof(TAdapter), property, words).SetArgDisplayNames(typeof(TAdapter).Name);
}
