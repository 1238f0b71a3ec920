using Verification.Core;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>One engine's verdict on one property, with what backs it: a line of the JSON results and of a cell's hover.</summary>
/// <param name="Property">The property.</param>
/// <param name="Engine">The engine's name.</param>
/// <param name="Evidence">What backs the engine's verdicts, if its report says.</param>
/// <param name="Verdict">The engine's verdict, before merging with the others.</param>
/// <param name="Iterations">Iterations of the runs that exercised the property.</param>
/// <param name="Elapsed">Time of those runs.</param>
/// <param name="Scenario">Where it failed or could not be judged.</param>
/// <param name="Violation">On a failure, what broke.</param>
/// <param name="History">On a failure, the per-caller history table.</param>
/// <param name="Replay">On a failure with a replayable run, how to replay it.</param>
/// <param name="Cause">Why it is inconclusive or n/a, or why a failure has no trace.</param>
internal sealed record EngineResultView(
    Property Property,
    string Engine,
    Evidence? Evidence,
    Verdict Verdict,
    int Iterations,
    TimeSpan Elapsed,
    Scenario? Scenario,
    Violation? Violation,
    string? History,
    ReplayView? Replay,
    string? Cause)
{
    public static EngineResultView Of(string engine, Evidence? evidence, PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new EngineResultView(
            result.Property, engine, evidence, result.Verdict, result.Iterations, result.Elapsed, result.Scenario, result.Violation, result.History,
            ReplayView.Of(result.Witness), result.Cause);
    }
}
