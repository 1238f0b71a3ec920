using System.Globalization;
using System.Text.Json;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The one exploration path: every Coyote run of the harness (verify's engine, the test suite, generated plans, the
/// benchmarks, replay) is an <see cref="ExplorationPlan"/> run here, through <see cref="CoyoteHost"/>, with the one
/// iteration body <see cref="ExplorationIteration"/>.
/// </summary>
public static class Exploration
{
    /// <summary>Explores <paramref name="plan"/>; <paramref name="progress"/> receives the iterations done after each iteration.</summary>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    public static ExplorationRun Explore(ExplorationPlan plan, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RewriteGuard.EnsureRewritten(typeof(Exploration).Assembly, plan.Implementation.AdapterType.Assembly);
        if (RewriteFailures.EngineFaultFor(plan.Implementation) is { } engineFault)
        {
            return new ExplorationRun(plan, 0, TimeSpan.Zero, [], [], null, null, [], engineFault);
        }

        // Every iteration runs even after one fails or Coyote stops one itself (a deadlock): the histories judged against
        // every variant characterize the implementation, and each first failure keeps the trace of its own iteration. Never
        // fall back to fuzzing, which would stop the exploration from being systematic.
        var configuration = plan.Settings.ToConfiguration().WithTestIterationsRunToCompletion(true).WithSystematicFuzzingFallbackEnabled(false);
        var iteration = new ExplorationIteration(plan);
        var observer = progress is null ? (IIterationObserver)iteration : new Reporting(iteration, progress);
        var run = CoyoteHost.Run(configuration, iteration.RunAsync, observer);
        return iteration.Close(run);
    }

    /// <summary>
    /// Explores <paramref name="scenario"/> under the declared contract and stops at the first failure: the run as one
    /// result, for a quick verdict on one case (a generated plan, a diagnosis).
    /// </summary>
    /// <exception cref="AssemblyNotRewrittenException">The harness or the implementation is not rewritten.</exception>
    public static RunResult Run(Implementation implementation, Scenario scenario, RunSettings settings) =>
        Explore(new ExplorationPlan(implementation, scenario, settings) { StopAtFirstFailure = true }).ToResult();

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
        ArgumentNullException.ThrowIfNull(verificationCase);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(settings);
        var plan = new ExplorationPlan(verificationCase.Implementation, verificationCase.Scenario, settings with { Iterations = 1 });
        RewriteGuard.EnsureRewritten(typeof(Exploration).Assembly, plan.Implementation.AdapterType.Assembly);
        if (RewriteFailures.EngineFaultFor(plan.Implementation) is { } engineFault)
        {
            return new ExplorationRun(plan, 0, TimeSpan.Zero, [], [], null, null, [], engineFault).ToResult();
        }

        var iteration = new ExplorationIteration(plan);
        using var errorLog = new StringWriter(CultureInfo.InvariantCulture);
        var run = CoyoteHost.Run(settings.ToReplayConfiguration(trace), iteration.RunAsync, iteration, errorLog);
        if (TraceMismatch(trace, errorLog.ToString(), run.MaxSteps) is { } mismatch)
        {
            return new RunResult(plan.Implementation, plan.Scenario, plan.Settings, Verdict.Inconclusive, [], 1, run.Elapsed, null, null, null, [], mismatch)
            {
                TraceMismatch = true,
            };
        }

        return iteration.Close(run).ToResult();
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

    /// <summary>Passes the iteration count on after each iteration, synchronously.</summary>
    private sealed class Reporting(ExplorationIteration iteration, IProgress<int> progress) : IIterationObserver
    {
        public void IterationStarting(EngineView engine) => iteration.IterationStarting(engine);

        public void IterationEnded(EngineView engine)
        {
            iteration.IterationEnded(engine);
            progress.Report(iteration.Iterations);
        }

        public void RunEnded(EngineView engine) => iteration.RunEnded(engine);
    }
}
