using Microsoft.Coyote.SystematicTesting;

namespace Verification.Core;

/// <summary>What an <see cref="IIterationObserver"/> may see of, and do to, a running engine.</summary>
public sealed class EngineView
{
    private readonly TestingEngine _engine;

    internal EngineView(TestingEngine engine) => _engine = engine;

    /// <summary>Iterations in which Coyote found a bug so far (an assertion, a deadlock, a step bound, ...).</summary>
    public int BugsFound => _engine.TestReport.NumOfFoundBugs;

    /// <summary>The distinct bug reports so far.</summary>
    public IReadOnlyCollection<string> BugReports => _engine.TestReport.BugReports;

    /// <summary>
    /// The trace of the last finished iteration, once any iteration has found a bug: with iterations run to completion,
    /// Coyote writes the schedule of every iteration after the first bug here.
    /// </summary>
    public string ReproducibleTrace => _engine.ReproducibleTrace;

    /// <summary>Coyote's readable report of the last finished iteration, under the same condition.</summary>
    public string ReadableTrace => _engine.ReadableTrace;
}
