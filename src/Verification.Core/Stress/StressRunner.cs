using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The stress engine: runs a scenario with <see cref="ScenarioExecutor"/> on the real thread pool, without Coyote, many
/// times, judging every history with the same oracles. It exercises what Coyote does not control (real timing of
/// cancellation, memory ordering, uncontrolled primitives), and its detection rate is the baseline that shows what
/// systematic scheduling adds.
/// </summary>
/// <remarks>
/// The harness assembly is rewritten for Coyote; outside a Coyote test run, the rewritten calls (tasks, locks, semaphores)
/// fall through to the real ones, so the same code runs on real threads. A repetition that does not finish within its
/// timeout is judged on its partial history and counts as a LIVE failure, never as a hang of the caller.
/// </remarks>
public static class StressRunner
{
    /// <exception cref="ArgumentOutOfRangeException">The settings ask for no repetitions or no time.</exception>
    public static StressResult Run(Implementation implementation, Scenario scenario, StressSettings settings)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Repetitions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.TimeoutSeconds);
        EnsureThreads(scenario.Callers.Length);

        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var counts = new SortedDictionary<Property, int>();
        var (repetitions, failures, hangs) = (0, 0, 0);
        int? first = null;
        ImmutableArray<Violation> firstViolations = [];
        string? firstHistory = null;
        string? diagnosis = null;
        var unjudged = 0;
        string? unjudgedCause = null;
        var clock = Stopwatch.StartNew();
        while (repetitions < settings.Repetitions && hangs < settings.MaxHangs
               && !(settings.TimeLimitSeconds is double limit && clock.Elapsed.TotalSeconds >= limit)
               && !(settings.StopAtFirstFailure && failures > 0))
        {
            repetitions++;
            var recorder = new HistoryRecorder(scenario.Callers.Length);
            var adapter = implementation.CreateAdapter();
            var run = Task.Run(() => ScenarioExecutor.ExecuteAsync(implementation, adapter, scenario, recorder));
            bool completed;
            try
            {
                completed = run.Wait(timeout);
            }
            catch (AggregateException e) when (e.InnerException is ImplementationFaultException fault)
            {
                diagnosis = fault.Message;
                break;
            }

            var history = recorder.ToHistory();

            // The same rule as under Coyote. Real threads run no model of Coyote's, so it is not expected to name anything here,
            // and a timeout on real threads is the implementation's own.
            if (completed && EngineArtefacts.Find(history, scenario, underCoyote: false) is { } artefact)
            {
                unjudged++;
                unjudgedCause ??= artefact;
                continue;
            }

            var violations = Contract.Judge(history, implementation.Contract);
            if (!completed)
            {
                hangs++;
                if (!violations.Any(v => v.Property == Property.Live))
                {
                    violations = violations.Add(new Violation(Property.Live, $"the run did not complete within {settings.TimeoutSeconds} s on the real thread pool."));
                }
            }

            if (violations.IsEmpty)
            {
                continue;
            }

            failures++;
            foreach (var violation in violations)
            {
                counts[violation.Property] = counts.GetValueOrDefault(violation.Property) + 1;
            }

            if (first is null)
            {
                first = repetitions;
                firstViolations = violations;
                firstHistory = HistoryTable.Render(history);
            }
        }

        clock.Stop();
        return new StressResult(
            implementation, scenario, settings, repetitions, failures, hangs, counts.ToImmutableSortedDictionary(),
            first, firstViolations, firstHistory, diagnosis, clock.Elapsed)
        {
            Uncontrolled = UncontrolledApiScan.Find(implementation.AdapterType),
            Unjudged = unjudged,
            UnjudgedCause = unjudgedCause,
        };
    }

    /// <summary>
    /// Callers that block a thread (sync-over-async, a held lock) would otherwise wait for the pool to inject threads,
    /// about one per half second, and a correct implementation would look hung.
    /// </summary>
    private static void EnsureThreads(int callers)
    {
        var wanted = Environment.ProcessorCount + (4 * callers);
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, io);
        }
    }
}
