using System.Collections.Immutable;
using System.Diagnostics;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The Coyote engine: of the verify command, and of the test suite's matrix. Each standard scenario is explored once per
/// seed with every iteration judged against every contract variant (<see cref="Exploration.Explore"/>), so the same runs
/// give the verdicts under the declared contract and the fingerprint. Each property that fails carries the trace,
/// history and replay command of the iteration that first showed it, written by that same run.
/// </summary>
/// <remarks>
/// Two things cost more than the verdicts alone: a scenario with a hanging attempt is explored twice, once with the
/// executor waiting as under cancellation none and once as under caller (which callers must finish before the attempt is
/// released depends on the policy); and a reset scenario on an implementation that declares no reset is probed with one
/// iteration, then explored only if a reset hook answers.
/// </remarks>
public sealed class CoyoteEngine : IVerificationEngine
{
    public const string EngineName = "coyote";

    public string Name => EngineName;

    public Evidence Evidence => Evidence.Systematic;

    public EngineReport Verify(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var runs = Explore(implementation, request, progress);
        var results = request.Properties.Select(p => Judge(implementation, p, runs)).ToImmutableArray();
        var fingerprint = request.Characterize ? Fingerprint.Of(implementation, runs) : null;
        return new EngineReport(Name, implementation, results, fingerprint, runs.Sum(r => r.Iterations), clock.Elapsed, Evidence)
        {
            Uncontrolled = [.. runs.SelectMany(r => r.Uncontrolled).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    private List<ExplorationRun> Explore(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress)
    {
        var selected = request.Properties.ToHashSet();
        var declared = ContractVariant.Of(implementation.Contract);
        var applicable = StandardScenarios.For(implementation);
        var settings = request.Budget.Settings;
        var runs = new List<ExplorationRun>();
        var scenarios = request.Scenarios.IsDefault ? StandardScenarios.All : request.Scenarios;
        foreach (var scenario in scenarios.Where(s => s.Targets.Any(selected.Contains)))
        {
            var applies = applicable.Contains(scenario);
            if (!applies && !request.Characterize)
            {
                continue;
            }

            CancellationPolicy[] policies = scenario.UsesHang && request.Characterize
                ? [CancellationPolicy.None, CancellationPolicy.Caller]
                : [implementation.Contract.Cancellation];
            foreach (var policy in policies)
            {
                var plan = new ExplorationPlan(implementation, scenario, settings)
                {
                    ExecutorPolicy = policy,
                    Variants = request.Characterize
                        ? [.. ContractVariant.All.Where(v => !scenario.UsesHang || ExecutorWaiting.WaitsAlike(v.Cancellation, policy))]
                        : [declared],
                    StopAtFirstFailure = request.StopAtFirstFailure,
                };
                if (!applies)
                {
                    // No reset declared: one iteration tells whether the implementation has a reset hook at all (or that Coyote
                    // cannot judge it, when a full run could not either).
                    var probe = Run(plan with { Settings = settings with { Iterations = 1, TimeLimitSeconds = null }, IsProbe = true }, progress);
                    if (probe.ResetProblem is not null || !probe.IsConclusive)
                    {
                        runs.Add(probe);
                        continue;
                    }
                }

                runs.AddRange(request.Budget.Seeds.Select(seed => Run(plan with { Settings = settings with { Seed = seed } }, progress)));
            }
        }

        return runs;
    }

    private ExplorationRun Run(ExplorationPlan plan, IProgress<EngineProgress>? progress)
    {
        var activity = $"{plan.Label}, seed {plan.Settings.Seed}";
        var planned = plan.Settings.TimeLimitSeconds is null ? plan.Settings.Iterations : (int?)null;
        var clock = Stopwatch.StartNew();
        var relay = progress is null ? null : new Relay(done => progress.Report(new EngineProgress(Name, plan.Implementation, activity, done, planned, clock.Elapsed, false)));
        var run = Exploration.Explore(plan, relay);
        progress?.Report(new EngineProgress(Name, plan.Implementation, activity, run.Iterations, planned, run.Elapsed, true));
        return run;
    }

    private static PropertyResult Judge(Implementation implementation, Property property, List<ExplorationRun> runs)
    {
        if (PropertyResult.NotApplicable(implementation, property) is { } notApplicable)
        {
            return notApplicable;
        }

        var declared = ContractVariant.Of(implementation.Contract);
        var declaredRuns = runs.Where(r => r.IsDeclaredRun).ToList();
        var exercising = declaredRuns.Where(r => r.Scenario.Targets.Contains(property)).ToList();
        var seen = declaredRuns
            .SelectMany(r => r.Of(declared).Where(v => v.Violation.Property == property).Select(v => (Run: r, Seen: v)))
            .FirstOrDefault();
        if (seen.Seen is { } first)
        {
            var counted = exercising.Contains(seen.Run) ? exercising : [.. exercising, seen.Run];
            var (iterations, elapsed) = (counted.Sum(r => r.Iterations), TimeSpan.FromTicks(counted.Sum(r => r.Elapsed.Ticks)));
            var witness = seen.Run.WitnessOf(property);
            return new PropertyResult(
                property, Verdict.Fail, iterations, elapsed, seen.Run.Scenario, witness?.Violations.First(v => v.Property == property) ?? first.Violation,
                witness?.History ?? first.History, witness, witness?.TracePath is null ? NoTrace(witness) : null);
        }

        var total = exercising.Sum(r => r.Iterations);
        var time = TimeSpan.FromTicks(exercising.Sum(r => r.Elapsed.Ticks));
        if (exercising.Count == 0)
        {
            return new PropertyResult(property, Verdict.Inconclusive, 0, TimeSpan.Zero, Cause: "No scenario that exercises this property ran.");
        }

        return exercising.FirstOrDefault(r => r.InconclusiveCauseFor(property) is not null) is { } unsure
            ? new PropertyResult(property, Verdict.Inconclusive, total, time, unsure.Scenario, Cause: unsure.InconclusiveCauseFor(property))
            : new PropertyResult(property, Verdict.Pass, total, time);
    }

    /// <summary>Why a failure has no trace to replay: Coyote writes none while replaying, nor for a run it could not rewrite.</summary>
    private static string NoTrace(RunResult? witness) =>
        witness is null
            ? "Seen in a history the declared contract was not asserted on, so Coyote kept no trace of it."
            : "Coyote kept no trace of the iteration that showed it.";

    /// <summary>Passes progress on synchronously (<see cref="Progress{T}"/> would post it to the thread pool).</summary>
    private sealed class Relay(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
