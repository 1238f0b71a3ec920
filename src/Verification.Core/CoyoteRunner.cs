using System.Collections.Immutable;
using System.Diagnostics;
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

    /// <summary>Replays a trace written by an earlier failing run, in process.</summary>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    public static RunResult Replay(VerificationCase verificationCase, string trace, RunSettings settings) =>
        Execute(verificationCase, settings with { Iterations = 1 }, Configuration.Create().WithTelemetryEnabled(false).WithVerbosityEnabled(VerbosityLevel.None).WithReproducibleTrace(trace));

    private static RunResult Execute(VerificationCase verificationCase, RunSettings settings, Configuration configuration)
    {
        var (implementation, scenario) = verificationCase;
        RewriteGuard.EnsureRewritten(typeof(CoyoteRunner).Assembly, implementation.AdapterType.Assembly);
        var iteration = new CoyoteIteration(verificationCase);
        var clock = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, iteration.RunAsync);

        // Coyote logs every iteration to the console; the harness reports for itself.
        using var silent = new TextWriterLogger(TextWriter.Null, VerbosityLevel.None);
        engine.SetLogger(silent);
        engine.Run();
        clock.Stop();

        var report = engine.TestReport;
        var uncontrolled = report.UncontrolledInvocations.Order(StringComparer.Ordinal).ToImmutableArray();
        var explored = report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths;
        if (report.NumOfFoundBugs == 0)
        {
            var verdict = uncontrolled.IsEmpty ? Verdict.Pass : Verdict.Inconclusive;
            var diagnosis = uncontrolled.IsEmpty ? null : "Coyote saw concurrency it does not control, so a clean run proves nothing.";
            return new RunResult(implementation, scenario, settings, verdict, [], explored, clock.Elapsed, null, null, null, uncontrolled, diagnosis);
        }

        var bug = string.Join(Environment.NewLine, report.BugReports);
        var history = iteration.LastRecorder?.ToHistory();
        var violations = iteration.LastViolations;
        var blockedOutsideCoyote = IsPotentialDeadlock(bug);
        if (violations.IsEmpty && iteration.LastFault is null && history is not null)
        {
            // Coyote stopped the iteration itself (a deadlock, an unhandled exception): judge the partial history.
            violations = Contract.Judge(history, implementation.Contract);
            if (blockedOutsideCoyote)
            {
                // Coyote cannot tell this from an operation blocked in code it does not control (a real thread stuck on a
                // lock inside an assembly that is not rewritten, held by an operation Coyote has paused), so the callers
                // left open prove nothing about LIVE. What the partial history shows about other properties still holds.
                violations = [.. violations.Where(v => v.Property != Property.Live)];
            }
            else if (IsDeadlock(bug) && !violations.Any(v => v.Property == Property.Live))
            {
                violations = violations.Add(new Violation(Property.Live, $"Coyote: {FirstLine(bug)}"));
            }
        }

        var bugVerdict = blockedOutsideCoyote && violations.IsEmpty && iteration.LastFault is null ? Verdict.Inconclusive : Verdict.Fail;

        var name = FileName($"{implementation.Name}.{scenario.Name}.seed{settings.Seed}");
        var directory = Path.GetFullPath(settings.ResultsDirectory);
        Directory.CreateDirectory(directory);
        engine.TryEmitReports(directory, name, out _);
        var tracePath = Path.Combine(directory, name + ".trace");
        var historyText = history is null ? null : HistoryTable.Render(history);
        var diagnosisText = iteration.LastFault ?? (bugVerdict == Verdict.Inconclusive
            ? $"Coyote reported a potential deadlock, which it cannot tell from an operation blocked outside its control (such as a lock in an assembly that is not rewritten, like Lazy<T>'s): LIVE cannot be judged. Coyote: {FirstLine(bug)}"
            : violations.IsEmpty ? $"Coyote reported a bug that no property explains: {FirstLine(bug)}" : null);
        var result = new RunResult(
            implementation, scenario, settings, bugVerdict, violations, explored, clock.Elapsed,
            tracePath, historyText, ReplayCommands.CoyoteCli(verificationCase, tracePath), uncontrolled, diagnosisText);
        File.WriteAllText(Path.Combine(directory, name + ".history.txt"), result.Describe());
        return result;
    }

    private static bool IsDeadlock(string bug) => bug.Contains("deadlock", StringComparison.OrdinalIgnoreCase);

    /// <summary>Coyote's periodic monitor, not its scheduler, saw the hang: its own words say it cannot tell what it is.</summary>
    private static bool IsPotentialDeadlock(string bug) => bug.Contains("Potential deadlock", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string FileName(string text) => UnsafeFileCharacters().Replace(text, "_");

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex UnsafeFileCharacters();
}
