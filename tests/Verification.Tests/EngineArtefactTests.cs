using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;
using Verification.Tests.Fixtures;
using static Verification.Tests.Kit.FixtureImplementations;

namespace Verification.Tests;

/// <summary>
/// What the engine does is never blamed on the implementation: an exception Coyote's own code threw, a timeout no scripted
/// attempt produced, a cell where no attempt ever started, what runs after Coyote stopped an iteration, a potential
/// deadlock, and callers a deadlock left waiting where real threads would not have.
/// </summary>
public sealed class EngineArtefactTests
{
    private static readonly Scenario TwoGets = Scenario.Parse("c1=get c2=get a=ok:1");

    private static RunSettings Budget(int iterations) => TestSettings.Ci with { Iterations = iterations };

    private static EngineReport Verify(Implementation implementation, int iterations) =>
        new CoyoteEngine().Verify(implementation, new VerificationRequest(new Budget(Budget(iterations)), [.. PropertyIds.All], Characterize: false));

    private static string Describe(EngineReport report) =>
        string.Join(Environment.NewLine, report.Results.Select(r => $"{r.Property.Id()}: {r.Verdict} {r.Violation} {r.Cause}"));

    private static History Threw(params ExceptionOrigin[] thrown) => new(
        [
            new HistoryEvent(1, EventKind.GetStarted, 1),
            new HistoryEvent(2, EventKind.GetThrew, 1, Detail: "SynchronizationLockException: ...") { Thrown = [.. thrown] },
        ],
        callerCount: 2);

    [Test]
    public void Find_AnExceptionThrownByCoyotesCode_NamesItAndTheFrame()
    {
        var history = Threw(new ExceptionOrigin("System.Threading.SynchronizationLockException", "Microsoft.Coyote.Rewriting.Types.Threading.Monitor.IsEntered"));

        Assert.That(
            EngineArtefacts.Find(history, TwoGets, underCoyote: true),
            Does.Contain("System.Threading.SynchronizationLockException thrown by Coyote's own code (Microsoft.Coyote.Rewriting.Types.Threading.Monitor.IsEntered)"));
    }

    [Test]
    public void Find_ACoyoteExceptionWrappedByTheImplementation_StillNamesIt()
    {
        var history = Threw(
            new ExceptionOrigin("System.InvalidOperationException", "Some.Library.AsyncLazy.GetAsync"),
            new ExceptionOrigin("System.Threading.SynchronizationLockException", "Microsoft.Coyote.Rewriting.Types.Threading.Monitor.IsEntered"));

        Assert.That(EngineArtefacts.Find(history, TwoGets, underCoyote: true), Does.Contain("Monitor.IsEntered"));
    }

    [Test]
    public void Find_AnExceptionTheImplementationThrew_IsNotAnArtefact()
    {
        var history = Threw(new ExceptionOrigin("System.InvalidOperationException", "Some.Library.AsyncLazy.GetAsync"));

        Assert.That(EngineArtefacts.Find(history, TwoGets, underCoyote: true), Is.Null);
    }

    [Test]
    public void Find_ACancelledCallersCancellationFromCoyotesModel_IsNotAnArtefact()
    {
        // A model that honours a cancelled token does what the real API does.
        var history = new History(
            [
                new HistoryEvent(1, EventKind.GetStarted, 1),
                new HistoryEvent(2, EventKind.CancelRequested, 1),
                new HistoryEvent(3, EventKind.GetCanceled, 1, Detail: "TaskCanceledException")
                {
                    Thrown = [new ExceptionOrigin("System.Threading.Tasks.TaskCanceledException", "Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task.Delay")],
                },
            ],
            callerCount: 1);

        Assert.That(EngineArtefacts.Find(history, Scenario.Parse("c1=get~cancel"), underCoyote: true), Is.Null);
    }

    [Test]
    public void Find_ATimeoutWithNoHangingAttempt_IsAnArtefactUnderCoyoteOnly()
    {
        var history = Threw(new ExceptionOrigin("System.TimeoutException", "Some.Library.AsyncLazy.GetAsync"));

        Assert.Multiple(() =>
        {
            Assert.That(EngineArtefacts.Find(history, TwoGets, underCoyote: true), Does.Contain("TimeoutException that no scripted attempt produced"));
            Assert.That(EngineArtefacts.Find(history, TwoGets, underCoyote: false), Is.Null, "On real threads a timeout is the implementation's own.");
        });
    }

    [Test]
    public void Find_ATimeoutAfterAnAttemptScriptedToHangStarted_IsJudged()
    {
        var history = new History(
            [
                new HistoryEvent(1, EventKind.GetStarted, 1),
                new HistoryEvent(2, EventKind.AttemptStarted, 1, 1, 1),
                new HistoryEvent(3, EventKind.GetThrew, 1, Detail: "TimeoutException: ...") { Thrown = [new ExceptionOrigin("System.TimeoutException", "Some.Library.AsyncLazy.GetAsync")] },
            ],
            callerCount: 1);

        Assert.That(EngineArtefacts.Find(history, Scenario.Parse("c1=get a=hang"), underCoyote: true), Is.Null);
    }

    [Test]
    public void Run_OfLibraryRacingALongTimeout_IsInconclusiveNotAFailure()
    {
        var result = Exploration.Run(Fixture<RacesATimeoutAdapter>(), StandardScenarios.ConcurrentGet, Budget(100));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), result.Describe);
            Assert.That(result.Violates(Property.Failure), Is.False, result.Describe);
            Assert.That(result.Diagnosis, Does.Contain("TimeoutException that no scripted attempt produced"));
        });
    }

    [Test]
    public void Stress_OfLibraryRacingALongTimeout_JudgesEveryRepetitionAndPasses()
    {
        var result = StressRunner.Run(Fixture<RacesATimeoutAdapter>(), StandardScenarios.ConcurrentGet, new StressSettings(Repetitions: 20));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
            Assert.That(result.Unjudged, Is.Zero, result.Describe);
        });
    }

    [Test]
    public void Verify_WhereNoAttemptEverStarts_FailsFailureButPassesNoPropertyThatNeedsAnAttempt()
    {
        var report = Verify(Fixture<NeverInitializesAdapter>(), 20);

        Assert.Multiple(() =>
        {
            Assert.That(report.VerdictOf(Property.Failure), Is.EqualTo(Verdict.Fail), () => Describe(report));
            foreach (var property in ExplorationRun.NeedAnAttempt)
            {
                var result = report.Results.Single(r => r.Property == property);
                Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), () => Describe(report));
                Assert.That(result.Cause, Does.Contain("No initialization attempt started in any explored schedule"), () => Describe(report));
            }
        });
    }

    [Test]
    public void Run_WhereEveryGetIsCancelledBeforeItStarts_PassesWithNoAttempt()
    {
        // By construction no attempt needs to start: the implementation that gives up at once is judged, and passes.
        var result = Exploration.Run(
            Fixture<ChecksTokenFirstAdapter>(CancellationPolicy.Caller), Scenario.Parse("c1=get~cancelled c2=get~cancelled"), Budget(20));

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
    }

    [Test]
    public void Explore_OfADeadlockHoldingTheLock_FailsLiveAndNeverOnce()
    {
        // On Coyote 1.7.11's own SemaphoreSlim model, tearing a deadlocked iteration down let a waiter through the held lock,
        // outside the schedule, and that waiter started a second attempt: a false ONCE beside the true LIVE. The history is
        // now cut where Coyote stopped the iteration (the recorder is sealed from its failure notification), and the
        // harness's SemaphoreSlim model hands out no count at teardown; either way no history may show a second attempt.
        var scenario = Scenario.Parse("c1=get c2=get c3=get a=ok:1");
        var run = Exploration.Explore(new ExplorationPlan(Fixture<DeadlocksHoldingTheLockAdapter>(), scenario, Budget(300)));
        var violations = run.Violations.ToList();
        var seen = string.Join(Environment.NewLine, violations.Select(v => $"{v.Violation} (seed {v.Seed}, iteration {v.Iteration})"));
        var live = violations.FirstOrDefault(v => v.Violation.Property == Property.Live)?.Violation.Reason;

        Assert.Multiple(() =>
        {
            Assert.That(violations.Select(v => v.Violation.Property), Does.Contain(Property.Live), seen);
            Assert.That(violations.Select(v => v.Violation.Property), Is.All.EqualTo(Property.Live), seen);
            Assert.That(live, Does.Contain("was stuck in its get 1 of 1").And.Contain("no initialization attempt running"), seen);
        });
    }

    [Test]
    public void Run_OfAnImplementationThatNeverCompletes_SaysWhatEachStuckCallerWaitedOn()
    {
        var result = Exploration.Run(Fixture<NeverCompletesAdapter>(), StandardScenarios.ConcurrentGet, Budget(20));
        var live = result.Violations.Single(v => v.Property == Property.Live).Reason;

        Assert.Multiple(() =>
        {
            foreach (var caller in Enumerable.Range(1, 3))
            {
                Assert.That(live, Does.Contain($"Caller {caller} was stuck in its get 1 of 1"), result.Describe);
            }

            Assert.That(live, Does.Contain("with no initialization attempt running: waiting on the implementation's own lock, task or wait"));
        });
    }

    [Test]
    public void Run_OfAPotentialDeadlock_ExploresTheWholeBudget()
    {
        var result = Exploration.Run(Fixture<UnmodelledLockAdapter>(), StandardScenarios.ConcurrentGet, Budget(8));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), result.Describe);
            Assert.That(result.Iterations, Is.EqualTo(8), "A potential deadlock is an inconclusive iteration, not the end of the cell.");
            Assert.That(result.Diagnosis, Does.Contain("could not tell a deadlock").And.Contain("of 8 iteration(s)"), result.Describe);
            Assert.That(result.Diagnosis, Does.Contain("ReaderWriterLockSlim"), result.Describe);
            Assert.That(result.Violates(Property.Live), Is.False, result.Describe);
        });
    }

    [Test]
    public void Run_OfACancelledWaiterOnASemaphoreWithItsToken_Passes()
    {
        // A real waiter leaves when its token is cancelled. Coyote 1.7.11's model of the wait never did, which gave a false
        // LIVE here; the harness's model of SemaphoreSlim honours the token.
        var result = Exploration.Run(
            Fixture<WaitsWithTheCallersTokenAdapter>(CancellationPolicy.CallerAbandon), Scenario.Parse("c1=get c2=get~cancel a=hang"), Budget(100));

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
    }
}
