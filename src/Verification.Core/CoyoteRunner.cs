using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;
using Verification.Specs;

namespace Verification.Core;

/// <summary>Runs a case under Coyote's systematic scheduler and turns what it finds into a verdict.</summary>
public static partial class CoyoteRunner
{
    /// <summary>Explores <paramref name="scenario"/> on <paramref name="implementation"/> for the budget in <paramref name="settings"/>.</summary>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    public static RunResult Run(Implementation implementation, Scenario scenario, RunSettings settings)
    {
        var verificationCase = new VerificationCase(implementation, scenario);
        return Execute(verificationCase, settings, settings.ToConfiguration());
    }

    /// <summary>
    /// Runs every seed of <paramref name="budget"/>'s shard in order and stops at the first failure; a clean result adds up
    /// the iterations of all seeds.
    /// </summary>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    public static RunResult Run(Implementation implementation, Scenario scenario, Budget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        RunResult? combined = null;
        foreach (var seed in budget.Seeds)
        {
            var run = Run(implementation, scenario, budget.Settings with { Seed = seed });
            if (run.Verdict == Verdict.Fail)
            {
                return run;
            }

            combined = combined is null
                ? run
                : run with
                {
                    Settings = combined.Settings,
                    Iterations = combined.Iterations + run.Iterations,
                    Elapsed = combined.Elapsed + run.Elapsed,
                    Verdict = combined.Verdict == Verdict.Inconclusive ? Verdict.Inconclusive : run.Verdict,
                    Uncontrolled = [.. combined.Uncontrolled.Union(run.Uncontrolled)],
                    Diagnosis = combined.Diagnosis ?? run.Diagnosis,
                };
        }

        return combined ?? throw new ArgumentException("The budget's shard holds no seed.", nameof(budget));
    }

    /// <summary>Replays a trace written by an earlier failing run, in process.</summary>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    /// <remarks>
    /// A replay must follow the trace step by step to the very step where the bug was found. If the schedule asks for a
    /// step the trace does not have (the trace ran out) or that does not match (another operation, another scheduling
    /// point), the code is not the code the trace was recorded against, and the result says so in
    /// <see cref="RunResult.TraceMismatch"/> rather than judging whatever the run then did.
    /// </remarks>
    public static RunResult Replay(VerificationCase verificationCase, string trace, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Execute(verificationCase, settings with { Iterations = 1 }, settings.ToReplayConfiguration(trace), trace);
    }

    private static RunResult Execute(VerificationCase verificationCase, RunSettings settings, Configuration configuration, string? replayedTrace = null)
    {
        var (implementation, scenario) = verificationCase;
        RewriteGuard.EnsureRewritten(typeof(CoyoteRunner).Assembly, implementation.AdapterType.Assembly);
        if (RewriteFailures.EngineFaultFor(implementation) is { } engineFault)
        {
            return new RunResult(implementation, scenario, settings, Verdict.Inconclusive, [], 0, TimeSpan.Zero, null, null, null, [], engineFault);
        }

        var iteration = new CoyoteIteration(verificationCase);
        var clock = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, iteration.RunAsync);

        // Coyote logs every iteration to the console; the harness reports for itself, and keeps only what a replay needs.
        using var replayLog = new StringWriter(CultureInfo.InvariantCulture);
        using var logger = replayedTrace is null
            ? new TextWriterLogger(TextWriter.Null, VerbosityLevel.None)
            : new TextWriterLogger(replayLog, VerbosityLevel.Error);
        engine.SetLogger(logger);
        engine.Run();
        clock.Stop();

        var report = engine.TestReport;
        var stepsTaken = Math.Max(report.MaxExploredFairSteps, report.MaxExploredUnfairSteps);
        if (replayedTrace is not null && TraceMismatch(replayedTrace, replayLog.ToString(), stepsTaken) is { } mismatch)
        {
            return new RunResult(implementation, scenario, settings, Verdict.Inconclusive, [], 1, clock.Elapsed, null, null, null, [], mismatch)
            {
                TraceMismatch = true,
            };
        }

        var explored = report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths;
        var uncontrolled = new Uncontrolled(report.UncontrolledInvocations, UncontrolledApiScan.Find(implementation.AdapterType));
        if (report.NumOfFoundBugs == 0)
        {
            return uncontrolled.Concurrency.IsEmpty
                ? new RunResult(implementation, scenario, settings, Verdict.Pass, [], explored, clock.Elapsed, null, null, null, uncontrolled.All, uncontrolled.DataNote)
                : new RunResult(implementation, scenario, settings, Verdict.Inconclusive, [], explored, clock.Elapsed, null, null, null, uncontrolled.All,
                    $"Coyote cannot control {string.Join("; ", uncontrolled.Concurrency)}, so a clean run proves nothing.");
        }

        var bug = string.Join(Environment.NewLine, report.BugReports);
        var history = iteration.LastRecorder?.ToHistory();
        var (verdict, violations, diagnosis) = Classify(implementation, iteration, bug, history, uncontrolled);

        var name = FileName($"{implementation.Name}.{scenario.Name}.seed{settings.Seed}");
        var directory = Path.GetFullPath(settings.ResultsDirectory);
        Directory.CreateDirectory(directory);
        engine.TryEmitReports(directory, name, out _);
        var tracePath = Path.Combine(directory, name + ".trace");
        if (File.Exists(tracePath))
        {
            // The case beside the trace, so 'verify replay TRACE' needs nothing else.
            ReplayCase.Write(tracePath, verificationCase, violations.FirstOrDefault()?.Property);
        }

        var historyText = history is null ? null : HistoryTable.Render(history);
        var result = new RunResult(
            implementation, scenario, settings, verdict, violations, explored, clock.Elapsed,
            tracePath, historyText, ReplayCommands.CoyoteCli(verificationCase, tracePath), uncontrolled.All, diagnosis);
        File.WriteAllText(Path.Combine(directory, name + ".history.txt"), result.Describe());
        return result;
    }

    /// <summary>
    /// Why a replay did not follow <paramref name="trace"/>, or null if it did: Coyote logged that the schedule diverged, or
    /// the run took more scheduling steps than the trace holds (Coyote goes on past the end of a trace on its own choices).
    /// </summary>
    private static string? TraceMismatch(string trace, string log, int stepsTaken)
    {
        const string Fix = "The trace was recorded against another build of the harness or the implementation, or for another case; run the case again to record a fresh trace.";
        var diverged = log.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("is not reproducible", StringComparison.Ordinal));
        if (diverged is not null)
        {
            return $"The trace does not replay here: {diverged.TrimEnd('.')}. {Fix}";
        }

        if (StepCountOf(trace) is int recorded && stepsTaken > recorded)
        {
            return $"The trace does not replay here: it ran out after its {recorded} steps, and the run went on to step {stepsTaken}. {Fix}";
        }

        return null;
    }

    private static int? StepCountOf(string trace)
    {
        try
        {
            using var document = JsonDocument.Parse(trace);
            return document.RootElement.TryGetProperty("Steps", out var steps) && steps.ValueKind == JsonValueKind.Array ? steps.GetArrayLength() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Turns what stopped the iteration into a verdict. A contract violation found by the oracles stands as it is. A bug
    /// Coyote found by itself is judged by its kind: a deadlock is a LIVE failure, judged on the partial history (unless
    /// Coyote also saw concurrency it does not control, when the deadlock may be its own); anything else is named.
    /// </summary>
    private static (Verdict Verdict, ImmutableArray<Violation> Violations, string? Diagnosis) Classify(
        Implementation implementation, CoyoteIteration iteration, string bug, History? history, Uncontrolled uncontrolled)
    {
        if (!iteration.LastViolations.IsEmpty)
        {
            // A witnessed history stands whatever else Coyote saw; only its exact replay is in doubt.
            var note = uncontrolled.All.IsEmpty
                ? null
                : $"Coyote also saw what it does not control ({string.Join("; ", uncontrolled.All)}), so replaying the trace may not reproduce this history exactly.";
            return (Verdict.Fail, iteration.LastViolations, note);
        }

        if (iteration.LastFault is { } fault)
        {
            return (Verdict.Fail, [], fault);
        }

        if (bug.Contains("previous test iteration", StringComparison.OrdinalIgnoreCase))
        {
            return (Verdict.Fail, [], $"Static state leaks from one iteration into the next ({FirstLine(bug)}). Clear it in the adapter's ResetStaticState, which runs first in every iteration.");
        }

        if (IsPotentialDeadlock(bug))
        {
            // The callers left open prove nothing about LIVE, but what the partial history already shows about the other
            // properties happened, and stands.
            var safety = history is null ? [] : Contract.Judge(history, implementation.Contract).Where(v => v.Property != Property.Live).ToImmutableArray();
            if (!safety.IsEmpty)
            {
                return (Verdict.Fail, safety, $"Coyote then reported a potential deadlock it cannot confirm, so LIVE was not judged ({FirstLine(bug)}).");
            }

            // Coyote's own words: it "cannot accurately determine if this is a deadlock, hang or false positive". A thread
            // blocked on something Coyote does not see (a real lock inside a library) looks exactly like this.
            var suspects = uncontrolled.Concurrency.AddRange(UncontrolledApiScan.Suspects(implementation.AdapterType));
            var named = suspects.IsEmpty ? "a lock or wait outside Coyote's model" : string.Join("; ", suspects);
            return (Verdict.Inconclusive, [], $"Coyote could not tell a deadlock from a wait on something it does not control: {named}. " +
                $"The stress engine can still exercise it. Coyote said: {FirstLine(bug)}");
        }

        if ((IsDeadlock(bug) || IsStepBound(bug)) && history is not null)
        {
            if (!uncontrolled.Concurrency.IsEmpty)
            {
                return (Verdict.Inconclusive, [], $"Coyote reported a deadlock or an endless run while it saw concurrency it does not control ({string.Join("; ", uncontrolled.Concurrency)}); the deadlock may be the engine's, not the implementation's.");
            }

            var violations = Contract.Judge(history, implementation.Contract);
            var cause = IsStepBound(bug)
                ? $"the run did not finish within Coyote's step bound ({FirstLine(bug)}): a livelock, or a spin-wait that only an unfair schedule starves (try --strategy portfolio). Replay it with dotnet test: coyote replay stops at the bound without calling it a bug."
                : $"Coyote: {FirstLine(bug)}";
            var live = violations.FirstOrDefault(v => v.Property == Property.Live);
            return live is null
                ? (Verdict.Fail, violations.Add(new Violation(Property.Live, cause)), null)
                : (Verdict.Fail, violations.Replace(live, live with { Reason = $"{live.Reason} {cause}" }), null);
        }

        return (Verdict.Fail, [], $"Coyote stopped the run: {FirstLine(bug)}");
    }

    /// <summary>What Coyote did not control: seen at run time, or found in the implementation's code by <see cref="UncontrolledApiScan"/>.</summary>
    internal sealed class Uncontrolled(IEnumerable<string> atRunTime, ImmutableArray<string> inCode)
    {
        // Reads of the clock, GUIDs and random numbers make data nondeterministic but add no concurrency.
        private static readonly string[] DataSources = ["System.DateTime", "System.DateTimeOffset", "System.Guid", "System.Random", "System.Environment", "System.Diagnostics.Stopwatch"];

        public ImmutableArray<string> All { get; } = [.. atRunTime.Concat(inCode).Distinct().Order(StringComparer.Ordinal)];

        public ImmutableArray<string> Concurrency => [.. All.Where(api => !IsData(api))];

        public string? DataNote => All.IsEmpty
            ? null
            : $"Coyote saw uncontrolled data nondeterminism ({string.Join("; ", All)}); it adds no concurrency, but a replay may differ.";

        private static bool IsData(string api) => DataSources.Any(source => api.StartsWith(source, StringComparison.Ordinal));
    }

    private static bool IsStepBound(string bug) => bug.Contains("steps bound", StringComparison.OrdinalIgnoreCase) || bug.Contains("max-steps", StringComparison.OrdinalIgnoreCase);

    private static bool IsDeadlock(string bug) => bug.Contains("deadlock", StringComparison.OrdinalIgnoreCase);

    /// <summary>Coyote's periodic monitor, not its scheduler, saw the hang: its own words say it cannot tell what it is.</summary>
    /// <summary>Coyote's wording when it cannot tell a deadlock from a wait on something it does not control.</summary>
    internal static bool IsPotentialDeadlock(string bug) => bug.Contains("Potential deadlock", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string FileName(string text) => UnsafeFileCharacters().Replace(text, "_");

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex UnsafeFileCharacters();
}
