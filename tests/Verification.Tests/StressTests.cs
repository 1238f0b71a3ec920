using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Coyote.Rewriting;
using Verification.Core;
using Verification.Generation;
using Verification.Specs;
using CoyoteOperation = Microsoft.Coyote.Runtime.Operation;

namespace Verification.Tests;

/// <summary>
/// The stress engine: the same plans on the real thread pool, many repetitions, real cancellation timing. Its detection
/// rate is the baseline that shows what Coyote's systematic scheduling adds.
/// </summary>
public sealed class StressTests
{
    /// <summary>Repetitions per scenario in CI: cheap (well under a millisecond each for these scenarios).</summary>
    private const int Repetitions = 1000;

    /// <summary>The stress engine must catch at least these planted bugs on their scenarios. Add a bug once the table shows stress catches it.</summary>
    private static readonly string[] CaughtByStress = ["no-lock"];

    [Test]
    public void StressRunner_OnRewrittenCodeOutsideCoyote_RunsOnTheRealThreadPoolWithRealTime()
    {
        // A Coyote run first, in the same process, so nothing it leaves behind can go unnoticed.
        var coyote = Exploration.Run(Registry.Find("double-checked"), StandardScenarios.ConcurrentGet, TestSettings.Ci with { Iterations = 10 });
        Probe.Observations.Clear();

        var result = StressRunner.Run(Probe.Implementation, Scenario.Parse("c1=get c2=get"), new StressSettings(Repetitions: 5));

        var observations = Probe.Observations.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(coyote.Verdict, Is.EqualTo(Verdict.Pass), coyote.Describe);
            Assert.That(RewritingEngine.IsAssemblyRewritten(typeof(Probe).Assembly), "the probe is rewritten like every harness assembly");
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
            Assert.That(observations, Has.Count.EqualTo(10));
            Assert.That(observations.Select(o => o.CoyoteOperation), Is.All.Null, "no Coyote runtime is attached");
            Assert.That(observations.Select(o => o.OnThreadPool), Is.All.True, "callers run on thread-pool threads");
            Assert.That(observations.Select(o => o.DelayMilliseconds), Is.All.GreaterThanOrEqualTo(Probe.DelayMilliseconds - 5), "Task.Delay waits real time");
        });
    }

    [TestCaseSource(typeof(Catalog), nameof(Catalog.ExpectedToPassByScenario))]
    public void Implementation_UnderStress_ViolatesNothing(Implementation implementation, Scenario scenario)
    {
        var result = StressRunner.Run(implementation, scenario, new StressSettings(Repetitions));
        TestContext.Out.WriteLine(result.Describe());

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
            Assert.That(result.Repetitions, Is.EqualTo(Repetitions));
        });
    }

    [TestCaseSource(typeof(Catalog), nameof(Catalog.ExpectedToPass))]
    public void Implementation_UnderStressOnGeneratedScenarios_HoldsEveryProperty(Implementation implementation)
    {
        var result = GenerationRunner.RunStress(implementation, TestSettings.Generation, new StressSettings(Repetitions: 100));
        TestContext.Out.WriteLine(result.Describe());

        Assert.Multiple(() =>
        {
            Assert.That(result.Found, Is.False, result.Describe);
            Assert.That(result.Tests, Is.EqualTo(TestSettings.Generation.Tests));
        });
    }

    [Test]
    public void StressRunner_OnImplementationThatNeverAnswers_ReportsLiveWithinTheTimeout()
    {
        var clock = Stopwatch.StartNew();

        var result = StressRunner.Run(Silent.Implementation, Scenario.Parse("c1=get c2=get"), new StressSettings(Repetitions: 100, TimeoutSeconds: 0.5));

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "a hung repetition must not hang the run");
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(result.Hangs, Is.EqualTo(1));
            Assert.That(result.Repetitions, Is.EqualTo(1), "stops after MaxHangs hung repetitions");
            Assert.That(result.Violates(Property.Live), result.Describe);
            Assert.That(result.FirstHistory, Does.Contain("caller 1").And.Contain("get"));
            Assert.That(result.Describe(), Does.Contain("callers 1, 2 never completed"));
        });
    }

    [TestCaseSource(nameof(CaughtByStress))]
    public void PlantedBug_UnderStress_IsCaught(string name)
    {
        var bug = Registry.Find(name);
        var expected = bug.ExpectedViolation!.Value;

        var results = PlansFor(bug).Select(plan => StressRunner.Run(bug, plan, new StressSettings(Repetitions))).ToList();
        foreach (var result in results)
        {
            TestContext.Out.WriteLine(result.Describe());
        }

        Assert.That(results.Any(r => r.Violates(expected)), $"stress caught {name} violating {expected.Id()} on no plan.");
    }

    [Test]
    public void StressAndCoyote_OnEveryPlantedBug_ReportDetectionSideBySide()
    {
        const int executions = 100;
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Planted bugs of the catalog and the tests' sample bugs: Coyote ({executions} iterations, seed 1) against stress ({executions} repetitions on the real thread pool), same plans.");
        table.AppendLine();
        table.AppendLine("| bug | property | plan | Coyote: first failing iteration | stress: failing repetitions | stress: first failing |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- |");
        var caughtByStress = new List<string>();
        var caughtByCoyote = new List<string>();
        foreach (var bug in Catalog.PlantedBugs().Concat(SampleBugs.All))
        {
            var expected = bug.ExpectedViolation!.Value;
            foreach (var plan in PlansFor(bug))
            {
                var coyote = Exploration.Run(bug, plan, TestSettings.Ci with { Iterations = executions });
                var stress = StressRunner.Run(bug, plan, new StressSettings(executions));
                var coyoteCell = coyote.Violates(expected) ? coyote.Iterations.ToString(CultureInfo.InvariantCulture) : $"not found ({coyote.Verdict.ToString().ToLowerInvariant()})";
                var stressCell = stress.Violates(expected)
                    ? string.Create(CultureInfo.InvariantCulture, $"{stress.Failures} of {stress.Repetitions} ({stress.DetectionRate:0.0%})")
                    : $"0 of {stress.Repetitions}";
                table.AppendLine(CultureInfo.InvariantCulture, $"| {bug.Name} | {expected.Id()} | {plan.Name} `{plan.Text}` | {coyoteCell} | {stressCell} | {stress.FirstFailure?.ToString(CultureInfo.InvariantCulture) ?? "-"} |");
                (coyote.Violates(expected) ? caughtByCoyote : []).Add(bug.Name);
                (stress.Violates(expected) ? caughtByStress : []).Add(bug.Name);
            }
        }

        var text = table.ToString();
        TestContext.Out.WriteLine(text);
        var path = Path.Combine(TestSettings.ResultsDirectory, "stress-vs-coyote.md");
        Directory.CreateDirectory(TestSettings.ResultsDirectory);
        File.WriteAllText(path, text);
        TestContext.AddTestAttachment(path, "stress against Coyote, per planted bug and plan");

        Assert.Multiple(() =>
        {
            Assert.That(caughtByCoyote.Distinct(), Is.EquivalentTo(Catalog.PlantedBugs().Concat(SampleBugs.All).Select(b => b.Name)), "Coyote catches every planted bug on some plan");
            Assert.That(caughtByStress.Distinct(), Is.SupersetOf(CaughtByStress), "the stress engine catches at least the bugs it is known to catch");
        });
    }

    /// <summary>The plans a bug is compared on: the hand-picked scenarios that apply to it and its shrunk generated counterexample.</summary>
    private static IEnumerable<Scenario> PlansFor(Implementation bug)
    {
        foreach (var scenario in StandardScenarios.For(bug))
        {
            yield return scenario;
        }

        if (Counterexamples.For(bug).Shrunk is { } shrunk)
        {
            yield return shrunk;
        }
    }

    /// <summary>A correct singleton that reports where and how it runs, for the fall-through test. Not registered.</summary>
    private sealed class Probe : SingletonAdapter
    {
        public const int DelayMilliseconds = 20;

        public static ConcurrentBag<(ulong? CoyoteOperation, bool OnThreadPool, long DelayMilliseconds)> Observations { get; } = [];

        public static Implementation Implementation { get; } = new(
            "probe", typeof(Probe), ImplementationKind.User, new DeclaredContract(FailurePolicy.Retry, CancellationPolicy.None, false), null, "reports where it runs");

        public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

        private sealed class Subject(InitializationSeam seam) : ISingletonSubject, IDisposable
        {
            private readonly SemaphoreSlim _lock = new(1, 1);
            private Resource? _instance;

            public async Task<object?> GetAsync(CancellationToken cancellationToken)
            {
                var clock = Stopwatch.StartNew();
                await Task.Delay(DelayMilliseconds, CancellationToken.None);
                Observations.Add((CoyoteOperation.GetNextId(), Thread.CurrentThread.IsThreadPoolThread, clock.ElapsedMilliseconds));
                await _lock.WaitAsync(CancellationToken.None);
                try
                {
                    return _instance ??= await seam.CreateInitializedAsync(CancellationToken.None);
                }
                finally
                {
                    _lock.Release();
                }
            }

            public void Dispose() => _lock.Dispose();
        }
    }

    /// <summary>An implementation whose get never completes, ignoring its token. Not registered.</summary>
    private sealed class Silent : SingletonAdapter
    {
        public static Implementation Implementation { get; } = new(
            "silent", typeof(Silent), ImplementationKind.User, new DeclaredContract(FailurePolicy.Retry, CancellationPolicy.None, false), null, "never answers");

        public override ISingletonSubject Create(InitializationSeam seam) => new Subject();

        private sealed class Subject : ISingletonSubject
        {
            public Task<object?> GetAsync(CancellationToken cancellationToken) => new TaskCompletionSource<object?>().Task;
        }
    }
}
