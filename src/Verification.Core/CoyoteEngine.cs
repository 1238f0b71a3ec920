using System.Collections.Immutable;
using System.Diagnostics;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The Coyote engine of the verify command. Each standard scenario is explored once per seed with every iteration judged
/// against every contract variant (<see cref="CoyoteExplorer.Explore"/>), so the same runs give the verdicts under the
/// declared contract and the fingerprint. Each property that fails is then witnessed: the seed is rerun up to the failing
/// iteration to record a trace that replays it.
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
        var witnesses = new List<RunResult>();
        var results = request.Properties.Select(p => Judge(implementation, p, runs, request.Budget, witnesses, progress)).ToImmutableArray();
        var fingerprint = request.Characterize ? Fingerprint.Of(implementation, runs) : null;
        return new EngineReport(Name, implementation, results, fingerprint, runs.Sum(r => r.Iterations) + witnesses.Sum(w => w.Iterations), clock.Elapsed);
    }

    private List<ExplorationRun> Explore(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress)
    {
        var selected = request.Properties.ToHashSet();
        var declared = ContractVariant.Of(implementation.Contract);
        var applicable = StandardScenarios.For(implementation);
        var settings = request.Budget.Settings;
        var runs = new List<ExplorationRun>();
        foreach (var scenario in StandardScenarios.All.Where(s => s.Targets.Any(selected.Contains)))
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
                var variants = request.Characterize
                    ? ContractVariant.All.Where(v => !scenario.UsesHang || (v.Cancellation == CancellationPolicy.None) == (policy == CancellationPolicy.None)).ToList()
                    : [declared];
                if (!applies)
                {
                    // No reset declared: one iteration tells whether the implementation has a reset hook at all (or that Coyote
                    // cannot judge it, when a full run could not either).
                    var probe = Run(implementation, scenario, policy, variants, settings with { Iterations = 1, TimeLimitSeconds = null }, progress, probe: true);
                    if (probe.ResetProblem is not null || !probe.IsConclusive)
                    {
                        runs.Add(probe);
                        continue;
                    }
                }

                runs.AddRange(request.Budget.Seeds.Select(seed => Run(implementation, scenario, policy, variants, settings with { Seed = seed }, progress, probe: false)));
            }
        }

        return runs;
    }

    private ExplorationRun Run(
        Implementation implementation, Scenario scenario, CancellationPolicy policy, List<ContractVariant> variants, RunSettings settings, IProgress<EngineProgress>? progress, bool probe)
    {
        var activity = $"{ExplorationRun.Describe(scenario, policy, probe)}, seed {settings.Seed}";
        var planned = settings.TimeLimitSeconds is null ? settings.Iterations : (int?)null;
        var clock = Stopwatch.StartNew();
        var relay = progress is null ? null : new Relay(done => progress.Report(new EngineProgress(Name, implementation, activity, done, planned, clock.Elapsed, false)));
        var run = CoyoteExplorer.Explore(implementation, scenario, policy, variants, settings, relay) with { IsProbe = probe };
        progress?.Report(new EngineProgress(Name, implementation, activity, run.Iterations, planned, run.Elapsed, true));
        return run;
    }

    private PropertyResult Judge(
        Implementation implementation, Property property, List<ExplorationRun> runs, Budget budget, List<RunResult> witnesses, IProgress<EngineProgress>? progress)
    {
        if (property == Property.Reset && !implementation.Contract.SupportsReset)
        {
            return new PropertyResult(property, Verdict.NotApplicable, 0, TimeSpan.Zero, Cause: "The implementation declares no reset.");
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
            var witness = Witness(implementation, property, seen.Run, first, budget, witnesses, progress);
            var (iterations, elapsed) = (counted.Sum(r => r.Iterations), TimeSpan.FromTicks(counted.Sum(r => r.Elapsed.Ticks)));
            if (witness?.Violations.FirstOrDefault(v => v.Property == property) is { } replayable)
            {
                return new PropertyResult(property, Verdict.Fail, iterations, elapsed, seen.Run.Scenario, replayable, witness.History, witness);
            }

            var cause = witness is null
                ? $"Seen in iteration {first.Iteration} of seed {first.Seed}, but the rerun that records a trace did not fail again: the implementation behaves nondeterministically outside Coyote's control."
                : $"Seen in iteration {first.Iteration} of seed {first.Seed}; the rerun that records a trace stopped earlier, in iteration {witness.Iterations}: " +
                  (witness.Violations.IsEmpty ? witness.Diagnosis : $"another failure ({string.Join("; ", witness.Violations.Select(v => v.Property.Id()))}).");
            return new PropertyResult(property, Verdict.Fail, iterations, elapsed, seen.Run.Scenario, first.Violation, first.History, Cause: cause);
        }

        var total = exercising.Sum(r => r.Iterations);
        var time = TimeSpan.FromTicks(exercising.Sum(r => r.Elapsed.Ticks));
        if (exercising.Count == 0)
        {
            return new PropertyResult(property, Verdict.Inconclusive, 0, TimeSpan.Zero, Cause: "No scenario that exercises this property ran.");
        }

        return exercising.FirstOrDefault(r => !r.IsConclusive) is { } unsure
            ? new PropertyResult(property, Verdict.Inconclusive, total, time, unsure.Scenario, Cause: unsure.InconclusiveCause)
            : new PropertyResult(property, Verdict.Pass, total, time);
    }

    /// <summary>A replayable run for a violation: reuses one already recorded for the same iteration, else reruns the seed.</summary>
    private RunResult? Witness(
        Implementation implementation, Property property, ExplorationRun run, VariantViolation seen, Budget budget, List<RunResult> witnesses, IProgress<EngineProgress>? progress)
    {
        var recorded = witnesses.FirstOrDefault(w => w.Scenario == run.Scenario && w.Settings.Seed == seen.Seed && w.Iterations == seen.Iteration && w.Violates(property));
        if (recorded is not null)
        {
            return recorded;
        }

        var settings = budget.Settings with { Seed = seen.Seed };
        var activity = $"{run.Scenario.Name}, seed {seen.Seed}: recording a trace of {property.Id()}";
        progress?.Report(new EngineProgress(Name, implementation, activity, 0, seen.Iteration, TimeSpan.Zero, false));
        var witness = CoyoteExplorer.Witness(implementation, run.Scenario, [property], settings);
        progress?.Report(new EngineProgress(Name, implementation, activity, witness?.Iterations ?? 0, seen.Iteration, witness?.Elapsed ?? TimeSpan.Zero, true));
        if (witness is not null)
        {
            witnesses.Add(witness);
        }

        return witness;
    }

    /// <summary>Passes progress on synchronously (<see cref="Progress{T}"/> would post it to the thread pool).</summary>
    private sealed class Relay(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
