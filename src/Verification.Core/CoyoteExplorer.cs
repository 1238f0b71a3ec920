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
        var iteration = new ExplorationIteration(ForExecutor(implementation, executorPolicy), implementation.Contract, scenario, judged, settings.Seed, assertOn: null);

        // Run every iteration even after Coyote itself stops one (a deadlock), and never fall back to fuzzing, which would
        // stop the exploration from being systematic.
        var configuration = settings.ToConfiguration().WithTestIterationsRunToCompletion(true).WithSystematicFuzzingFallbackEnabled(false);
        var clock = Stopwatch.StartNew();
        using (var engine = TestingEngine.Create(configuration, iteration.RunAsync))
        {
            using var silent = new TextWriterLogger(TextWriter.Null, VerbosityLevel.None);
            engine.SetLogger(silent);
            engine.RegisterEndIterationCallBack(_ =>
            {
                iteration.EndIteration();
                progress?.Report(iteration.Iterations);
            });
            engine.Run();
            clock.Stop();
            var observed = iteration.Close();
            var report = engine.TestReport;
            var unexplained = observed.UnexplainedStops == 0
                ? null
                : $"Coyote stopped {observed.UnexplainedStops} iteration(s) and no property explains why: {FirstLine(report.BugReports.FirstOrDefault() ?? "no report")}";
            return new ExplorationRun(
                implementation, scenario, executorPolicy, settings, judged, observed.Iterations, clock.Elapsed, observed.Violations,
                observed.ResetProblem, observed.Fault, [.. report.UncontrolledInvocations.Order(StringComparer.Ordinal)], unexplained);
        }
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
        var violations = iteration.LastViolations;
        if (!iteration.LastCompleted)
        {
            // Coyote stopped the iteration itself (a deadlock): judge the partial history.
            violations = Contract.Judge(history, implementation.Contract);
            if (bug.Contains("deadlock", StringComparison.OrdinalIgnoreCase) && !violations.Any(v => v.Property == Property.Live))
            {
                violations = violations.Add(new Violation(Property.Live, $"Coyote: {FirstLine(bug)}"));
            }
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
        var diagnosis = violations.IsEmpty ? $"Coyote reported a bug that no property explains: {FirstLine(bug)}" : null;
        var result = new RunResult(
            implementation, scenario, settings, Verdict.Fail, violations, report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths, clock.Elapsed,
            tracePath, HistoryTable.Render(history), ReplayCommands.CoyoteCli(verificationCase, tracePath),
            [.. report.UncontrolledInvocations.Order(StringComparer.Ordinal)], diagnosis);
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

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string FileName(string text) => UnsafeFileCharacters().Replace(text, "_");

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex UnsafeFileCharacters();
}
