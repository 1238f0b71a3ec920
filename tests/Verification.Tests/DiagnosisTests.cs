using Verification.Core;
using Verification.Specs;
using Verification.Tests.Fixtures;
using static Verification.Tests.Kit.FixtureImplementations;

namespace Verification.Tests;

/// <summary>
/// What the harness says about implementations that misbehave or that the engine cannot judge: a named diagnosis in
/// bounded time, never a hang, a crash or a pass.
/// </summary>
public sealed class DiagnosisTests
{
    private static RunSettings Quick => TestSettings.Ci with { Iterations = 100 };

    [Test]
    public void Run_OfStaticLockLeakingAcrossIterations_IsInconclusiveNamingTheLeak()
    {
        // The leak is between Coyote's runtimes, not in the implementation's behaviour: no verdict, and the fix.
        var result = Exploration.Run(Fixture<LeakyStaticLockAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(result.Diagnosis, Does.Contain("Static state leaks").And.Contain("ResetStaticState"));
            Assert.That(result.Violations, Is.Empty, "A leak is not a contract violation; the partial history must not be judged as one.");
        });
    }

    [Test]
    public void Run_OfAdapterThrowingWhileBuilt_FailsNamingTheException()
    {
        var result = Exploration.Run(Fixture<ThrowsInConstructorAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(result.Diagnosis, Does.Contain("building the implementation threw InvalidOperationException: connection string missing"));
        });
    }

    [Test]
    public void Run_OfImplementationReturningNull_FailsSame()
    {
        var result = Exploration.Run(Fixture<ReturnsNullAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Same), result.Describe);
        Assert.That(result.Describe(), Does.Contain("received null"));
    }

    [Test]
    public void Run_OfImplementationReturningANewInstanceEveryCall_FailsOnce()
    {
        var result = Exploration.Run(Fixture<NewInstanceEveryCallAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Once), result.Describe);
    }

    [Test]
    public void Run_OfImplementationThatNeverCompletes_FailsLiveWithTheHistory()
    {
        var result = Exploration.Run(Fixture<NeverCompletesAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Live), result.Describe);
            Assert.That(result.History, Does.Contain("get"));
            Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "A hang must be reported by the engine, not by a timeout.");
        });
    }

    [Test]
    public void Run_OfLockOrderDeadlock_FailsLive()
    {
        var result = Exploration.Run(Fixture<LockOrderDeadlockAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Live), result.Describe);
    }

    [Test]
    public void Run_OfInitializationCompletedByARealTimer_IsInconclusiveNamingTheTimer()
    {
        var result = Exploration.Run(Fixture<TimerCompletedAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), result.Describe);
            Assert.That(result.Diagnosis, Does.Contain("Timer"));
        });
    }

    [Test]
    public void Run_OfRaceWhoseOnlyUncontrolledCallsReadTheClock_StillFailsOnce()
    {
        var result = Exploration.Run(Fixture<ClockStampedRaceAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Uncontrolled, Has.Some.Contains("DateTime"), "Coyote must have seen the clock read, or this proves nothing.");
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail), result.Describe);
            Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Once));
            Assert.That(result.Diagnosis, Does.Contain("may not reproduce"));
        });
    }

    [Test]
    public void Run_OfImplementationSpinningForever_FailsLiveWithinTheStepBound()
    {
        var result = Exploration.Run(Fixture<SpinsForeverAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Live), result.Describe);
            Assert.That(result.Describe(), Does.Contain("step bound"));
            Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "A livelock must be reported by the step bound, not by a timeout.");
        });
    }

    [Test]
    public void Run_OfImplementationBlockingOnResultInsideItsLock_FailsLive()
    {
        var result = Exploration.Run(Fixture<BlocksOnResultInsideLockAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Live), result.Describe);
    }

    [Test]
    public void Run_OfInitializationQueuedToTheRealThreadPool_IsInconclusiveNamingIt()
    {
        var result = Exploration.Run(Fixture<QueuesToThreadPoolAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), result.Describe);
            Assert.That(result.Diagnosis, Does.Contain("QueueUserWorkItem"));
        });
    }
}
