using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The stress engine behind <c>--engine stress</c>: each standard scenario that applies runs on the real thread pool, as
/// many repetitions as the budget's iterations, every history judged by the same oracles (<see cref="StressRunner"/>).
/// </summary>
/// <remarks>
/// A stress failure is real but cannot be replayed step by step, so it carries its history and no trace; a clean stress
/// run is a pass that proves little on its own, which is why its evidence (<see cref="Evidence.SampledOnRealThreads"/>)
/// never passes a matrix cell: only an engine whose evidence can certify a pass does.
/// </remarks>
public sealed class StressEngine : IVerificationEngine
{
    public const string EngineName = "stress";

    public string Name => EngineName;

    /// <summary>The real thread pool's schedules are whatever happened: a violation seen is real, a clean run only a sample.</summary>
    public Evidence Evidence => Evidence.SampledOnRealThreads;

    public EngineReport Verify(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(request);
        var selected = request.Properties.ToHashSet();
        var budget = request.Budget.Settings;
        var settings = new StressSettings(Repetitions: budget.Iterations, TimeLimitSeconds: budget.TimeLimitSeconds);
        var runs = new List<(Scenario Scenario, StressResult? Result, string? Fault)>();
        foreach (var scenario in StandardScenarios.For(implementation).Where(s => s.Targets.Any(selected.Contains)))
        {
            progress?.Report(new EngineProgress(Name, implementation, scenario.Name, 0, settings.Repetitions, TimeSpan.Zero, false));
            try
            {
                var result = StressRunner.Run(implementation, scenario, settings);
                runs.Add((scenario, result, result.Diagnosis));
                progress?.Report(new EngineProgress(Name, implementation, scenario.Name, result.Repetitions, settings.Repetitions, result.Elapsed, true));
            }
            catch (AggregateException e)
            {
                // Something the executor does not turn into an observation (a reset hook that throws): no verdict, and why.
                var fault = $"the stress run threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}";
                runs.Add((scenario, null, fault));
                progress?.Report(new EngineProgress(Name, implementation, scenario.Name, 0, settings.Repetitions, TimeSpan.Zero, true));
            }
        }

        var results = request.Properties.Select(p => Judge(implementation, p, runs)).ToImmutableArray();
        var done = runs.Select(r => r.Result).OfType<StressResult>().ToList();
        return new EngineReport(Name, implementation, results, null, done.Sum(r => r.Repetitions), TimeSpan.FromTicks(done.Sum(r => r.Elapsed.Ticks)), Evidence);
    }

    private static PropertyResult Judge(Implementation implementation, Property property, List<(Scenario Scenario, StressResult? Result, string? Fault)> runs)
    {
        if (PropertyResult.NotApplicable(implementation, property) is { } notApplicable)
        {
            return notApplicable;
        }

        var exercising = runs.Where(r => r.Scenario.Targets.Contains(property)).ToList();
        var done = exercising.Select(r => r.Result).OfType<StressResult>().ToList();
        var (repetitions, elapsed) = (done.Sum(r => r.Repetitions), TimeSpan.FromTicks(done.Sum(r => r.Elapsed.Ticks)));
        var failed = runs.Select(r => r.Result).OfType<StressResult>().FirstOrDefault(r => r.Violates(property));
        if (failed is not null)
        {
            var rate = $"{failed.ViolationCounts[property]} of {failed.Repetitions} repetitions on the real thread pool violated it, first #{failed.FirstFailure}.";
            var violation = failed.FirstViolations.FirstOrDefault(v => v.Property == property);
            return new PropertyResult(
                property, Verdict.Fail, failed.Repetitions, failed.Elapsed, failed.Scenario, violation, violation is null ? null : failed.FirstHistory,
                Cause: $"{rate} Stress runs cannot be replayed step by step; run the scenario under Coyote for a trace.");
        }

        if (exercising.Count == 0)
        {
            return new PropertyResult(property, Verdict.Inconclusive, 0, TimeSpan.Zero, Cause: "No scenario that exercises this property ran.");
        }

        var faulted = exercising.FindIndex(r => r.Fault is not null);
        return faulted >= 0
            ? new PropertyResult(property, Verdict.Inconclusive, repetitions, elapsed, exercising[faulted].Scenario, Cause: exercising[faulted].Fault)
            : new PropertyResult(property, Verdict.Pass, repetitions, elapsed, Cause: done.Select(r => r.UncontrolledNote).FirstOrDefault(n => n is not null));
    }
}
