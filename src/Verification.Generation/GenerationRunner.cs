using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using Verification.Core;
using Property = Verification.Property;
using Verdict = Verification.Specs.Verdict;

namespace Verification.Generation;

/// <summary>
/// The FsCheck engine: generates scenario plans for an implementation, runs each one, and when one fails, shrinks it to
/// the smallest plan that still fails. Each plan runs under the Coyote runner with a small fixed budget, or, for the
/// stress baseline, on the real thread pool.
/// </summary>
public static class GenerationRunner
{
    /// <summary>Name of the shrunk counterexample, whose trace and history are written to the results directory.</summary>
    public const string ShrunkName = "shrunk";

    /// <summary>
    /// Checks that <paramref name="implementation"/> holds on every generated scenario under Coyote. A scenario holds if its
    /// Coyote run passes (no violation, nothing uncontrolled), or, with a <paramref name="target"/>, if it does not violate
    /// that property (for a planted bug, so that shrinking keeps the bug it declares rather than drifting to another).
    /// </summary>
    /// <remarks>
    /// Every scenario, and every shrink candidate, runs with the same Coyote seed, so a verdict on a plan is the same each
    /// time it is asked for and shrinking is stable. The shrunk plan is run once more under the name
    /// <see cref="ShrunkName"/>, so its trace, report and history are the ones in the results directory; the runs made while
    /// shrinking write theirs to a <c>shrink-steps</c> folder beside them.
    /// </remarks>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    /// <exception cref="InvalidOperationException">Running a scenario threw: a fault of the harness, not a verdict.</exception>
    public static GenerationResult Run(Implementation implementation, GenerationSettings settings, Property? target = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(settings);
        RewriteGuard.EnsureRewritten(typeof(Exploration).Assembly, implementation.AdapterType.Assembly);

        var steps = settings.Case with { ResultsDirectory = Path.Combine(settings.Case.ResultsDirectory, "shrink-steps") };
        var search = Search(implementation, settings, scenario =>
        {
            var result = Exploration.Run(implementation, scenario, steps);
            return target is Property property ? !result.Violates(property) : result.Verdict == Verdict.Pass;
        });
        var counterexample = search.Shrunk is null ? null : Exploration.Run(implementation, search.Shrunk, settings.Case);
        return search.ToResult(implementation, settings, target) with { Counterexample = counterexample };
    }

    /// <summary>
    /// The same search on the real thread pool: each generated scenario runs <paramref name="stress"/>'s repetitions under
    /// the stress engine (stopping at the first that breaks the contract), so paths Coyote does not control are exercised
    /// on the same plans. Timing is real, so a failure may not recur: shrinking keeps a smaller plan only if it failed
    /// again, and the shrunk plan is finally run for all of <paramref name="stress"/>'s repetitions to report how often it fails;
    /// if that run sees no failure, the failing run the search saw on the shrunk plan is reported instead, history and all.
    /// </summary>
    public static GenerationResult RunStress(Implementation implementation, GenerationSettings settings, StressSettings stress, Property? target = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stress);
        var failures = new Dictionary<string, StressResult>();
        var search = Search(implementation, settings, scenario =>
        {
            var result = StressRunner.Run(implementation, scenario, stress with { StopAtFirstFailure = true });
            var holds = result.Diagnosis is null && (target is Property property ? !result.Violates(property) : result.Verdict == Verdict.Pass);
            if (!holds)
            {
                failures[scenario.Text] = result;
            }

            return holds;
        });
        var counterexample = search.Shrunk is null ? null : StressRunner.Run(implementation, search.Shrunk, stress);

        // Real timing may not break the shrunk plan again in the final run; the failing run the search saw is then the evidence.
        if (counterexample is { FirstFailure: null, Diagnosis: null } && failures.TryGetValue(search.Shrunk!.Text, out var seen))
        {
            counterexample = seen;
        }

        return search.ToResult(implementation, settings, target) with { StressSettings = stress, StressCounterexample = counterexample };
    }

    private static SearchOutcome Search(Implementation implementation, GenerationSettings settings, Func<Scenario, bool> holds)
    {
        var seed = settings.Replay ?? ReplaySeed.Random();
        var runs = 0;
        Exception? fault = null;
        bool Holds(Scenario scenario)
        {
            if (fault is not null)
            {
                return false;
            }

            runs++;
            try
            {
                return holds(scenario);
            }
#pragma warning disable CA1031 // A harness fault is rethrown below, once FsCheck has finished.
            catch (Exception e)
#pragma warning restore CA1031
            {
                fault = e;
                return false;
            }
        }

        var runner = new CapturingRunner();
        var config = Config.Quick
            .WithMaxTest(settings.Tests)
            .WithReplay(FSharpOption<Replay>.Some(seed.ToReplay()))
            .WithRunner(runner);
        var clock = Stopwatch.StartNew();
        Check.One(config, Prop.ForAll(ScenarioGenerators.For(implementation), (Func<Scenario, bool>)Holds));
        clock.Stop();
        if (fault is not null)
        {
            throw new InvalidOperationException($"Running a generated scenario on {implementation.Name} threw: {fault.Message}", fault);
        }

        return runner.Result switch
        {
            TestResult.Passed passed => new SearchOutcome(seed, passed.Item1.NumberOfTests, 0, runs, null, null, clock.Elapsed),
            TestResult.Failed failed => new SearchOutcome(
                seed, failed.Item1.NumberOfTests, failed.Item1.NumberOfShrinks, runs,
                (Scenario)failed.Item2.Head, ((Scenario)failed.Item3.Head) with { Name = ShrunkName }, clock.Elapsed),
            _ => throw new InvalidOperationException($"FsCheck ended without a verdict for {implementation.Name}: {runner.Result}."),
        };
    }

    private sealed record SearchOutcome(ReplaySeed Seed, int Tests, int Shrinks, int Runs, Scenario? Original, Scenario? Shrunk, TimeSpan Elapsed)
    {
        public GenerationResult ToResult(Implementation implementation, GenerationSettings settings, Property? target) =>
            new(implementation, settings, target, Seed, Tests, Shrinks, Runs, Original, Shrunk, Elapsed);
    }

    /// <summary>Keeps FsCheck's result instead of printing it, so the caller decides how a failure reads.</summary>
    private sealed class CapturingRunner : IRunner
    {
        public TestResult? Result { get; private set; }

        public void OnStartFixture(Type t)
        {
        }

        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
        {
        }

        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
        {
        }

        public void OnFinished(string name, TestResult testResult) => Result = testResult;
    }
}
