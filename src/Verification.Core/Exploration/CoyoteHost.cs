using System.Diagnostics;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Verification.Core;

/// <summary>
/// The one place a Coyote <see cref="TestingEngine"/> is built and run. Exploring, replaying, generated plans, the
/// benchmarks' bare baseline: all of them hand a configuration and an iteration body here.
/// </summary>
public static class CoyoteHost
{
    /// <summary>Runs <paramref name="body"/> as a Coyote test under <paramref name="configuration"/>.</summary>
    /// <param name="configuration">Iterations, seed, strategy, bounds, or a trace to replay.</param>
    /// <param name="body">One iteration.</param>
    /// <param name="observer">Told when each iteration starts and ends, and when the run ends.</param>
    /// <param name="errorLog">
    /// Where Coyote's error-level log goes, or null for nowhere. Coyote logs every iteration to the console otherwise; the
    /// harness reports for itself and listens only where a replay needs it (a schedule that stops matching its trace).
    /// </param>
    /// <returns>Coyote's report of the run and its wall time.</returns>
    public static HostedRun Run(Configuration configuration, Func<Task> body, IIterationObserver? observer = null, TextWriter? errorLog = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(body);
        var clock = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, body);
        using var logger = new TextWriterLogger(errorLog ?? TextWriter.Null, errorLog is null ? VerbosityLevel.None : VerbosityLevel.Error);
        engine.SetLogger(logger);
        var view = new EngineView(engine);
        if (observer is not null)
        {
            engine.RegisterStartIterationCallBack(_ => observer.IterationStarting(view));
            engine.RegisterEndIterationCallBack(_ => observer.IterationEnded(view));
        }

        engine.Run();
        observer?.RunEnded(view);
        clock.Stop();
        return new HostedRun(engine.TestReport, clock.Elapsed);
    }
}
