using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// Coyote runs for the verify command: <see cref="Explore"/> judges every iteration against several contract variants and
/// never stops early, so one run both gives the verdicts and characterizes the implementation; <see cref="Witness"/>
/// reruns the same seed, stopping at the first violation of a chosen property, to write a replayable trace for it.
/// </summary>
/// <remarks>
/// Judging is a pure function of the history, so the exploring and the witnessing run make the same scheduling choices up
/// to the witnessed iteration: the witness finds the violation in the same iteration the exploration first saw it.
/// </remarks>
public static partial class CoyoteExplorer
{
    /// <summary>Explores <paramref name="scenario"/>, judging each history against every one of <paramref name="variants"/>.</summary>
    /// <param name="implementation">The implementation, as registered.</param>
    /// <param name="scenario">The scenario to explore.</param>
    /// <param name="executorPolicy">The cancellation policy the executor assumes (see <see cref="ExplorationRun.ExecutorPolicy"/>).</param>
    /// <param name="variants">The contract variants to judge against.</param>
    /// <param name="settings">Iterations, seed, strategy, time limit.</param>
    /// <param name="progress">Receives the number of iterations done after each iteration.</param>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    public static ExplorationRun Explore(
        Implementation implementation,
        Scenario scenario,
        CancellationPolicy executorPolicy,
        IEnumerable<ContractVariant> variants,
        RunSettings settings,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(settings);
        RewriteGuard.EnsureRewritten(typeof(CoyoteExplorer).Assembly, implementation.AdapterType.Assembly);
        var judged = variants.Distinct().ToImmutableArray();
        if (RewriteFailures.EngineFaultFor(implementation) is { } engineFault)
        {
            return new ExplorationRun(implementation, scenario, executorPolicy, settings, judged, 0, TimeSpan.Zero, [], null, null, [], engineFault);
        }

        var iteration = new ExplorationIteration(ForExecutor(implementation, executorPolicy), implementation.Contract, scenario, judged, settings.Seed, assertOn: null);

        // Run every iteration even after Coyote itself stops one (a deadlock), and never fall back to fuzzing, which would
        // stop the exploration from being systematic.
        var configuration = settings.ToConfiguration().WithTestIterationsRunToCompletion(true).WithSystematicFuzzingFallbackEnabled(false);
        var clock = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, iteration.RunAsync);
        using var silent = new TextWriterLogger(TextWriter.Null, VerbosityLevel.None);
        engine.SetLogger(silent);
        engine.RegisterStartIterationCallBack(_ =>
        {
            // The engine has filed the previous iteration's bug by now. A potential deadlock makes the run inconclusive,
            // and every further one costs Coyote's deadlock timeout: stop there, as a run that stops at its first bug does.
            if (engine.TestReport.BugReports.Any(CoyoteRunner.IsPotentialDeadlock))
            {
                iteration.StopExploring();
            }
        });
        engine.RegisterEndIterationCallBack(_ =>
        {
            iteration.EndIteration();
            progress?.Report(iteration.Iterations);
        });
        engine.Run();
        clock.Stop();

        var observed = iteration.Close();
        var report = engine.TestReport;
        var uncontrolled = new CoyoteRunner.Uncontrolled(report.UncontrolledInvocations, UncontrolledApiScan.Find(implementation.AdapterType));
        var violations = observed.Violations;
        var potential = report.BugReports.FirstOrDefault(CoyoteRunner.IsPotentialDeadlock);
        if (potential is not null || !uncontrolled.Concurrency.IsEmpty)
        {
            // A stop Coyote is unsure of, or one amid concurrency it does not control, may be the engine's own: only the
            // iterations that completed are evidence.
            violations = [.. violations.Where(v => !v.InStoppedIteration)];
        }

        return new ExplorationRun(
            implementation, scenario, executorPolicy, settings, judged, observed.Iterations, clock.Elapsed, violations,
            observed.ResetProblem, observed.Fault, uncontrolled.All, Inconclusive(implementation, report.BugReports, potential, uncontrolled, observed.UnexplainedStops));
    }

    /// <summary>
    /// Reruns <paramref name="scenario"/> under the declared contract and stops at the first iteration that violates one of
    /// <paramref name="properties"/> (or that Coyote stops itself), writing its trace, Coyote report, history and case file.
    /// </summary>
    /// <returns>The failure, replayable; null if no iteration failed.</returns>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    public static RunResult? Witness(Implementation implementation, Scenario scenario, IReadOnlyCollection<Property> properties, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(settings);
        RewriteGuard.EnsureRewritten(typeof(CoyoteExplorer).Assembly, implementation.AdapterType.Assembly);
        var declared = ContractVariant.Of(implementation.Contract);
        var iteration = new ExplorationIteration(implementation, implementation.Contract, scenario, [declared], settings.Seed, [.. properties]);
        var clock = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(settings.ToConfiguration(), iteration.RunAsync);
        using var silent = new TextWriterLogger(TextWriter.Null, VerbosityLevel.None);
        engine.SetLogger(silent);
        engine.Run();
        clock.Stop();

        var report = engine.TestReport;
        if (report.NumOfFoundBugs == 0 || iteration.LastHistory() is not { } history)
        {
            return null;
        }

        var bug = string.Join(Environment.NewLine, report.BugReports);
        var uncontrolled = new CoyoteRunner.Uncontrolled(report.UncontrolledInvocations, UncontrolledApiScan.Find(implementation.AdapterType));
        var violations = iteration.LastViolations;
        string? diagnosis = null;
        var verdict = Verdict.Fail;
        if (!iteration.LastCompleted)
        {
            if (CoyoteRunner.IsPotentialDeadlock(bug) || !uncontrolled.Concurrency.IsEmpty)
            {
                // Coyote is not sure the stop is the implementation's: no verdict, and the reason.
                (verdict, diagnosis) = (Verdict.Inconclusive, Inconclusive(implementation, report.BugReports, report.BugReports.FirstOrDefault(), uncontrolled, 1));
            }
            else
            {
                // Coyote stopped the iteration itself (a deadlock, the step bound): judge the partial history.
                violations = Contract.Judge(history, implementation.Contract);
                var stepBound = bug.Contains("steps bound", StringComparison.OrdinalIgnoreCase) || bug.Contains("max-steps", StringComparison.OrdinalIgnoreCase);
                if ((stepBound || bug.Contains("deadlock", StringComparison.OrdinalIgnoreCase)) && !violations.Any(v => v.Property == Property.Live))
                {
                    var cause = stepBound ? $"the run did not finish within Coyote's step bound ({FirstLine(bug)}): a livelock, or a spin-wait." : $"Coyote: {FirstLine(bug)}";
                    violations = violations.Add(new Violation(Property.Live, cause));
                }
            }
        }
        else if (!uncontrolled.All.IsEmpty)
        {
            diagnosis = $"Coyote also saw what it does not control ({string.Join("; ", uncontrolled.All)}), so replaying the trace may not reproduce this history exactly.";
        }

        var verificationCase = new VerificationCase(implementation, scenario);
        var witnessed = violations.FirstOrDefault(v => properties.Contains(v.Property))?.Property;
        var shown = violations.IsEmpty ? "bug" : string.Join("-", violations.Select(v => v.Property.Id()).Distinct());
        var name = FileName($"{implementation.Name}.{scenario.Name}.seed{settings.Seed}.{shown}");
        var directory = Path.GetFullPath(settings.ResultsDirectory);
        Directory.CreateDirectory(directory);
        engine.TryEmitReports(directory, name, out _);
        var tracePath = Path.Combine(directory, name + ".trace");
        ReplayCase.Write(tracePath, verificationCase, witnessed ?? violations.FirstOrDefault()?.Property);
        diagnosis ??= violations.IsEmpty ? $"Coyote reported a bug that no property explains: {FirstLine(bug)}" : null;
        var result = new RunResult(
            implementation, scenario, settings, verdict, violations, report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths, clock.Elapsed,
            tracePath, HistoryTable.Render(history), ReplayCommands.CoyoteCli(verificationCase, tracePath), uncontrolled.All, diagnosis);
        File.WriteAllText(Path.Combine(directory, name + ".history.txt"), result.Describe());
        return result;
    }

    /// <summary>
    /// The implementation as the executor should see it under <paramref name="policy"/>: the executor only asks whether the
    /// policy lets a cancelled caller stop waiting, so the registered implementation is kept whenever that answer agrees.
    /// </summary>
    internal static Implementation ForExecutor(Implementation implementation, CancellationPolicy policy) =>
        (policy == CancellationPolicy.None) == (implementation.Contract.Cancellation == CancellationPolicy.None)
            ? implementation
            : implementation with { Contract = implementation.Contract with { Cancellation = policy } };

    /// <summary>Why a run's clean iterations prove nothing, in the order of what explains most; null if they do.</summary>
    private static string? Inconclusive(
        Implementation implementation, IEnumerable<string> bugs, string? potentialDeadlock, CoyoteRunner.Uncontrolled uncontrolled, int unexplainedStops)
    {
        if (potentialDeadlock is not null)
        {
            // Coyote's own words: it "cannot accurately determine if this is a deadlock, hang or false positive".
            var suspects = uncontrolled.Concurrency.AddRange(UncontrolledApiScan.Suspects(implementation.AdapterType));
            var named = suspects.IsEmpty ? "a lock or wait outside Coyote's model" : string.Join("; ", suspects);
            return $"Coyote could not tell a deadlock from a wait on something it does not control: {named}. Coyote said: {FirstLine(potentialDeadlock)}";
        }

        if (!uncontrolled.Concurrency.IsEmpty)
        {
            return $"Coyote cannot control {string.Join("; ", uncontrolled.Concurrency)}, so a clean run proves nothing.";
        }

        if (bugs.FirstOrDefault(b => b.Contains("previous test iteration", StringComparison.OrdinalIgnoreCase)) is { } leak)
        {
            return $"Static state leaks from one iteration into the next ({FirstLine(leak)}). Clear it in the adapter's ResetStaticState, which runs first in every iteration.";
        }

        return unexplainedStops == 0
            ? null
            : $"Coyote stopped {unexplainedStops} iteration(s) and no property explains why: {FirstLine(bugs.FirstOrDefault() ?? "no report")}";
    }


    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string FileName(string text) => UnsafeFileCharacters().Replace(text, "_");

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex UnsafeFileCharacters();
}
