using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Verification.Core;
using Verification.Specs;

namespace Verification.Benchmarks;

/// <summary>The four measurements: overhead against a bare Coyote test, bug-finding, stress against Coyote, scaling.</summary>
internal sealed class Measurements(Options options, string scratch, TextWriter progress)
{
    private static readonly Implementation Correct = Registry.Find("double-checked");
    private static readonly int[] GetsPerCaller = [1, 2, 4, 8];
    private static readonly int[] SetupAwaits = [4, 16];
    private static readonly int[] CandidateBudgets = [100, 250, 500, 1000, 2000];

    /// <summary>The planted bugs and documented violations: every registered implementation declared to violate a property.</summary>
    public static ImmutableArray<Implementation> Bugs { get; } = [.. Registry.All.Where(i => i.ExpectedViolation is not null)];

    /// <summary>
    /// Harness against the bare test, and cost per iteration, as callers grow. Each repeat measures both engines back to back,
    /// alternating which goes first, with the same strategy (the default), seed and iteration count.
    /// </summary>
    public ImmutableArray<ThroughputRow> Callers(IEnumerable<int> counts) =>
        [.. counts.Select(n => Throughput($"{n} caller(s)", n, 1, 1, withBare: true))];

    /// <summary>
    /// Cost per iteration of the harness as scenarios lengthen: more gets per caller, more awaits in the setup; the one-get row
    /// is the baseline of both, measured in the same stretch of the run.
    /// </summary>
    public ImmutableArray<ThroughputRow> Lengths() =>
    [
        .. GetsPerCaller.Select(gets => Throughput($"2 callers, {gets} gets each", 2, gets, 1, withBare: false)),
        .. SetupAwaits.Select(awaits => Throughput($"2 callers, setup of {awaits} awaits", 2, 1, awaits, withBare: false)),
    ];

    private ThroughputRow Throughput(string name, int callers, int gets, int awaits, bool withBare)
    {
        var text = string.Join(' ', Enumerable.Range(1, callers).Select(c => $"c{c}={string.Join(',', Enumerable.Repeat("get", gets))}"))
                   + string.Create(CultureInfo.InvariantCulture, $" a=ok:{awaits}");
        var scenario = Scenario.Create(name, text);
        var settings = new RunSettings(Iterations: options.ThroughputIterations, Seed: 1, ResultsDirectory: scratch);

        // Warm up both (JIT, the harness's per-implementation scan) before anything is timed.
        Harness(scenario, settings with { Iterations = 5 });
        if (withBare)
        {
            BareSingletonTest.Run(callers, settings with { Iterations = 5 });
        }

        var harness = new List<double>();
        var bare = new List<double>();
        var ratios = new List<double>();
        for (var repeat = 0; repeat < options.Repeats; repeat++)
        {
            if (!withBare)
            {
                harness.Add(Harness(scenario, settings));
                continue;
            }

            double h, b;
            if (repeat % 2 == 0)
            {
                h = Harness(scenario, settings);
                b = Bare(callers, settings);
            }
            else
            {
                b = Bare(callers, settings);
                h = Harness(scenario, settings);
            }

            harness.Add(h);
            bare.Add(b);
            ratios.Add(b / h);
        }

        var row = new ThroughputRow(
            scenario.Text, callers, gets, awaits, options.ThroughputIterations,
            Spread.Of(harness), Spread.Of([.. harness.Select(r => 1000 / r)]), Spread.OfAny(bare), Spread.OfAny(ratios));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {scenario.Text}: harness {row.HarnessPerSecond.Median:0} it/s{(withBare ? $", bare {row.BarePerSecond!.Median:0} it/s, cost ratio {row.CostRatio!.Median:0.00}" : string.Empty)}"));
        return row;
    }

    private static double Harness(Scenario scenario, RunSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var result = Exploration.Run(Correct, scenario, settings);
        clock.Stop();
        return result.Verdict == Verdict.Pass
            ? result.Iterations / clock.Elapsed.TotalSeconds
            : throw new InvalidOperationException($"The correct implementation did not pass: {result.Describe()}");
    }

    private static double Bare(int callers, RunSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var iterations = BareSingletonTest.Run(callers, settings);
        clock.Stop();
        return iterations / clock.Elapsed.TotalSeconds;
    }

    /// <summary>What the CI budget costs per scenario, and an estimate of one CI run's Coyote work at several budgets.</summary>
    public CiCost CiCost()
    {
        var scenarios = ImmutableArray.CreateBuilder<ScenarioCost>();
        var settings = new RunSettings(Iterations: options.CiIterations, Seed: 1, ResultsDirectory: scratch);
        var correct = Registry.All.Where(i => i.ExpectedViolation is null && RewriteFailures.EngineFaultFor(i) is null).ToList();
        foreach (var scenario in StandardScenarios.All)
        {
            // Measured on a correct implementation the scenario applies to (reset scenarios need one that declares a reset),
            // so that every run explores the whole budget.
            var implementation = correct.Contains(Correct) && StandardScenarios.For(Correct).Contains(scenario)
                ? Correct
                : correct.FirstOrDefault(i => StandardScenarios.For(i).Contains(scenario));
            if (implementation is null)
            {
                continue;
            }

            var samples = new List<double>();
            for (var repeat = 0; repeat < Math.Min(options.Repeats, 3); repeat++)
            {
                var clock = Stopwatch.StartNew();
                var result = Exploration.Run(implementation, scenario, settings);
                samples.Add(clock.Elapsed.TotalMilliseconds / result.Iterations);
            }

            var cost = new ScenarioCost(scenario.Name, scenario.Text, implementation.Name, Spread.Of(samples));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {scenario.Name} on {implementation.Name}: {cost.MsPerIteration.Median:0.00} ms per iteration"));
            scenarios.Add(cost);
        }

        var perIteration = scenarios.ToDictionary(c => c.Scenario, c => c.MsPerIteration.Median / 1000);
        // An implementation whose code the rewriter could not process is reported at once, without exploring.
        var explored = Registry.All.Where(i => RewriteFailures.EngineFaultFor(i) is null).ToList();
        var pairs = explored.SelectMany(i => StandardScenarios.For(i)).ToList();

        // A scenario no correct implementation runs (a reset scenario before any declares a reset) is costed at the median.
        var typical = Spread.Of([.. perIteration.Values]).Median;
        var secondsPerIteration = pairs.Sum(s => perIteration.GetValueOrDefault(s.Name, typical));
        var budgets = CandidateBudgets.Append(options.CiIterations).Distinct();
        return new CiCost(
            scenarios.ToImmutable(), explored.Count, pairs.Count,
            budgets.ToImmutableSortedDictionary(b => b, b => Math.Round(2 * b * secondsPerIteration, 1)));
    }

    /// <summary>
    /// What CI does for each bug (the CI budget, seed 1, the default strategy, the standard scenarios in order, stopping at the
    /// first that catches the declared property), which also picks the scenario each bug is measured on below.
    /// </summary>
    public ImmutableArray<CiRow> Ci()
    {
        var rows = ImmutableArray.CreateBuilder<CiRow>();
        foreach (var bug in Bugs)
        {
            var (iterations, seconds, run) = (0, 0.0, 0);
            string? catching = null;
            foreach (var scenario in StandardScenarios.For(bug))
            {
                run++;
                var result = Exploration.Run(bug, scenario, new RunSettings(Iterations: options.CiIterations, Seed: 1, ResultsDirectory: scratch));
                iterations += result.Iterations;
                seconds += result.Elapsed.TotalSeconds;
                if (result.Violates(bug.ExpectedViolation!.Value))
                {
                    catching = scenario.Name;
                    break;
                }
            }

            var row = new CiRow(bug.Name, bug.ExpectedViolation!.Value.Id(), catching, iterations, seconds, run);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {bug.Name}: {(catching is null ? "NOT caught" : $"caught on {catching}")} after {iterations} iteration(s), {seconds:0.00} s"));
            rows.Add(row);
        }

        return rows.ToImmutable();
    }

    /// <summary>The scenario a bug is measured on: the one CI catches it in, or else the first that targets its property.</summary>
    public static Scenario ScenarioFor(Implementation bug, ImmutableArray<CiRow> ci)
    {
        var catching = ci.FirstOrDefault(r => r.Bug == bug.Name)?.CatchingScenario;
        return catching is not null
            ? StandardScenarios.Find(catching)
            : StandardScenarios.For(bug).FirstOrDefault(s => s.Targets.Contains(bug.ExpectedViolation!.Value)) ?? StandardScenarios.For(bug)[0];
    }

    /// <summary>Every bug under every strategy over the seeds 1..N, each a run with the CI budget on the bug's scenario.</summary>
    public ImmutableArray<BugFindingRow> BugFinding(ImmutableArray<CiRow> ci)
    {
        var rows = ImmutableArray.CreateBuilder<BugFindingRow>();
        foreach (var bug in Bugs)
        {
            var scenario = ScenarioFor(bug, ci);
            var property = bug.ExpectedViolation!.Value;
            foreach (var strategy in Enum.GetValues<Strategy>())
            {
                var iterations = new List<double>();
                var seconds = new List<double>();
                for (var seed = 1u; seed <= options.Seeds; seed++)
                {
                    var result = Exploration.Run(bug, scenario, new RunSettings(options.CiIterations, seed, strategy, ResultsDirectory: scratch));
                    if (result.Violates(property))
                    {
                        iterations.Add(result.Iterations);
                        seconds.Add(result.Elapsed.TotalSeconds);
                    }
                }

                var row = new BugFindingRow(bug.Name, property.Id(), scenario.Name, Name(strategy), options.Seeds, iterations.Count, Spread.OfAny(iterations), Spread.OfAny(seconds));
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {bug.Name} / {row.Strategy}: {row.Detected} of {row.Seeds} seeds, median {row.IterationsToBug?.Median} iteration(s), max {row.IterationsToBug?.Max}"));
                rows.Add(row);
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>
    /// Each bug on its scenario, Coyote (default strategy, seed = trial number) against the stress engine, each trial given
    /// the same CPU time (this process's, all threads). A trial detects the bug if it sees the declared property violated
    /// within that CPU time.
    /// </summary>
    public ImmutableArray<StressRow> Stress(ImmutableArray<CiRow> ci)
    {
        var rows = ImmutableArray.CreateBuilder<StressRow>();
        var budget = TimeSpan.FromSeconds(options.CpuBudgetSeconds);
        foreach (var bug in Bugs)
        {
            var scenario = ScenarioFor(bug, ci);
            var property = bug.ExpectedViolation!.Value;
            var coyote = new Trials();
            var stress = new Trials();
            for (var trial = 1; trial <= options.Trials; trial++)
            {
                coyote.Add(CoyoteTrial(bug, scenario, (uint)trial, budget));
                stress.Add(StressTrial(bug, scenario, budget));
            }

            var row = new StressRow(
                bug.Name, property.Id(), scenario.Name, options.CpuBudgetSeconds, options.Trials,
                coyote.Detected, Spread.OfAny(coyote.Cpu), Spread.OfAny(coyote.Wall), Spread.Of(coyote.Executions),
                stress.Detected, Spread.OfAny(stress.Cpu), Spread.OfAny(stress.Wall), Spread.Of(stress.Executions));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {bug.Name}: Coyote {row.CoyoteDetected}/{row.Trials} (median {row.CoyoteCpuSecondsToBug?.Median:0.000} s CPU), stress {row.StressDetected}/{row.Trials} (median {row.StressCpuSecondsToBug?.Median:0.000} s CPU)"));
            rows.Add(row);
        }

        return rows.ToImmutable();
    }

    private (bool Detected, double Cpu, double Wall, int Executions) CoyoteTrial(Implementation bug, Scenario scenario, uint seed, TimeSpan budget)
    {
        // Coyote's own limit is wall-clock seconds; it stops at the first bug, and the CPU it used is checked against the budget.
        var settings = new RunSettings(int.MaxValue, seed, ResultsDirectory: scratch, TimeLimitSeconds: (int)Math.Ceiling(budget.TotalSeconds));
        var (cpu, wall) = (Cpu(), Stopwatch.StartNew());
        var result = Exploration.Run(bug, scenario, settings);
        var (usedCpu, usedWall) = (Cpu() - cpu, wall.Elapsed);
        var detected = result.Violates(bug.ExpectedViolation!.Value) && usedCpu <= budget;
        return (detected, usedCpu.TotalSeconds, usedWall.TotalSeconds, result.Iterations);
    }

    private static (bool Detected, double Cpu, double Wall, int Executions) StressTrial(Implementation bug, Scenario scenario, TimeSpan budget)
    {
        // Small batches that stop at the first failing repetition, until the declared property is violated or the CPU budget
        // is spent. A hung repetition costs wall time but little CPU, so wall time is bounded too.
        var (cpu, wall) = (Cpu(), Stopwatch.StartNew());
        var executions = 0;
        while (Cpu() - cpu < budget && wall.Elapsed < 4 * budget)
        {
            var result = StressRunner.Run(bug, scenario, new StressSettings(Repetitions: 10, StopAtFirstFailure: true));
            executions += result.Repetitions;
            if (result.Violates(bug.ExpectedViolation!.Value))
            {
                var used = Cpu() - cpu;
                return (used <= budget, used.TotalSeconds, wall.Elapsed.TotalSeconds, executions);
            }

            if (result.Diagnosis is not null)
            {
                break;
            }
        }

        return (false, (Cpu() - cpu).TotalSeconds, wall.Elapsed.TotalSeconds, executions);
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static string Name(Strategy strategy) => strategy.ToString().ToLowerInvariant();

    private sealed class Trials
    {
        public int Detected { get; private set; }

        public List<double> Cpu { get; } = [];

        public List<double> Wall { get; } = [];

        public List<double> Executions { get; } = [];

        public void Add((bool Detected, double Cpu, double Wall, int Executions) trial)
        {
            Executions.Add(trial.Executions);
            if (trial.Detected)
            {
                Detected++;
                Cpu.Add(trial.Cpu);
                Wall.Add(trial.Wall);
            }
        }
    }
}
