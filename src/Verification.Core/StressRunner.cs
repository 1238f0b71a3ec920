using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>How hard the stress engine hammers one scenario.</summary>
/// <param name="Repetitions">How many times the scenario runs, each on a fresh subject.</param>
/// <param name="TimeoutSeconds">How long one repetition may take before it counts as hung (LIVE); its partial history is judged.</param>
/// <param name="MaxHangs">Stop after this many hung repetitions: each may leave threads blocked behind it, so more would only slow the rest.</param>
/// <param name="TimeLimitSeconds">If set, stop starting repetitions after this long.</param>
/// <param name="StopAtFirstFailure">Stop at the first repetition that violates a property, instead of measuring how often they do.</param>
public sealed record StressSettings(
    int Repetitions = 1000,
    double TimeoutSeconds = 2,
    int MaxHangs = 1,
    double? TimeLimitSeconds = null,
    bool StopAtFirstFailure = false)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Repetitions} repetitions, {TimeoutSeconds} s each at most, on the real thread pool");
}

/// <summary>What the stress engine saw: how often a scenario broke the contract on the real thread pool, and the first break.</summary>
/// <param name="Implementation">The implementation.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Settings">The settings of the run.</param>
/// <param name="Repetitions">How many repetitions ran.</param>
/// <param name="Failures">How many of them violated some property (hung ones included).</param>
/// <param name="Hangs">How many did not complete within the timeout.</param>
/// <param name="ViolationCounts">Per property, how many repetitions violated it.</param>
/// <param name="FirstFailure">The 1-based number of the first failing repetition, if any.</param>
/// <param name="FirstViolations">What the first failing repetition violated.</param>
/// <param name="FirstHistory">The history table of the first failing repetition.</param>
/// <param name="Diagnosis">Why no repetition could run (the implementation could not be built), if so.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record StressResult(
    Implementation Implementation,
    Scenario Scenario,
    StressSettings Settings,
    int Repetitions,
    int Failures,
    int Hangs,
    ImmutableSortedDictionary<Property, int> ViolationCounts,
    int? FirstFailure,
    ImmutableArray<Violation> FirstViolations,
    string? FirstHistory,
    string? Diagnosis,
    TimeSpan Elapsed)
{
    /// <summary>Fail if any repetition violated a property or the implementation could not even be built; a clean stress run is a pass that proves little.</summary>
    public Verdict Verdict => Diagnosis is not null || Failures > 0 ? Verdict.Fail : Verdict.Pass;

    /// <summary>The share of repetitions that violated a property: the stress engine's detection rate.</summary>
    public double DetectionRate => Repetitions == 0 ? 0 : (double)Failures / Repetitions;

    /// <summary>
    /// What Coyote does not control in the implementation's own code (<see cref="UncontrolledApiScan"/>), if anything: the
    /// stress engine is then the only one that exercised it, and its result says so.
    /// </summary>
    public ImmutableArray<string> Uncontrolled { get; init; } = [];

    /// <summary>What the result says about <see cref="Uncontrolled"/>, or null if Coyote controls everything the implementation calls.</summary>
    public string? UncontrolledNote => Uncontrolled.IsDefaultOrEmpty
        ? null
        : $"Coyote does not control {string.Join("; ", Uncontrolled)}: only the stress engine exercised it, on real threads, which proves less than systematic exploration.";

    public bool Violates(Property property) => ViolationCounts.ContainsKey(property);

    public string Describe()
    {
        var rate = DetectionRate.ToString("0.0%", CultureInfo.InvariantCulture);
        var seconds = Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var counts = ViolationCounts.IsEmpty ? string.Empty : $" ({string.Join(", ", ViolationCounts.Select(kv => $"{kv.Key.Id()} {kv.Value}"))})";
        var lines = new List<string>
        {
            $"{Implementation.Name} ({Implementation.Contract}) on scenario {Scenario}: {VerdictSpelling.Of(Verdict).Run} under stress: " +
            $"{Failures} of {Repetitions} repetitions ({rate}) violated a property{counts}, {Hangs} hung; {seconds} s, {Settings}.",
        };
        if (Diagnosis is not null)
        {
            lines.Add($"  {Diagnosis}");
        }

        if (UncontrolledNote is { } note)
        {
            lines.Add($"  {note}");
        }

        if (FirstFailure is int first)
        {
            lines.Add($"  First failing repetition: #{first}.");
            lines.AddRange(FirstViolations.Select(v => $"  {v}"));
            lines.Add(string.Empty);
            lines.Add(FirstHistory ?? string.Empty);
            lines.Add("Stress runs follow the real thread pool's timing and cannot be replayed step by step; run the same scenario under Coyote " +
                      $"to get a replayable trace: VERIFICATION_CASE='{new VerificationCase(Implementation, Scenario).Text}'.");
        }

        return string.Join(Environment.NewLine, lines);
    }
}

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
