using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// A way of checking an implementation against its contract (Coyote's systematic scheduler, generated scenarios, stress on
/// real threads). The verify command runs every engine it is asked for and merges their verdicts; adding an engine is
/// implementing this interface and listing it in the command's engine catalog.
/// </summary>
public interface IVerificationEngine
{
    /// <summary>The engine's name on the command line and in reports, e.g. <c>coyote</c>.</summary>
    string Name { get; }

    /// <summary>
    /// What kind of runs back this engine's verdicts: whether its passes certify a property (controlled schedules) or only
    /// its violations count (runs sampled on real threads). The matrix merges engines by this, not by their names.
    /// </summary>
    Evidence Evidence { get; }

    /// <summary>Checks <paramref name="implementation"/> for the properties in <paramref name="request"/>.</summary>
    /// <param name="implementation">The implementation, judged against the contract it declares.</param>
    /// <param name="request">Budget, properties to judge, and whether to characterize as well.</param>
    /// <param name="progress">Receives progress as the engine works; reports are synchronous, on the engine's thread.</param>
    /// <returns>One result per requested property, in the order requested, and the fingerprint if one was asked for.</returns>
    EngineReport Verify(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress = null);
}

/// <summary>What the verify command asks of an engine.</summary>
/// <param name="Budget">Iterations, seeds, strategy, time limit and output folder.</param>
/// <param name="Properties">The properties to judge and report.</param>
/// <param name="Characterize">Whether to find the implementation's fingerprint as well.</param>
/// <param name="Scenarios">The scenarios to run, or default for the standard ones.</param>
/// <param name="StopAtFirstFailure">Whether each run stops at its first failure; the properties it did not get to are then inconclusive.</param>
public sealed record VerificationRequest(
    Budget Budget,
    ImmutableArray<Property> Properties,
    bool Characterize = true,
    ImmutableArray<Scenario> Scenarios = default,
    bool StopAtFirstFailure = false);

/// <summary>Where an engine is: which implementation and activity, how many iterations of how many, for how long.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Implementation">The implementation being checked.</param>
/// <param name="Activity">What is running, e.g. the scenario.</param>
/// <param name="Iterations">Iterations done in this activity.</param>
/// <param name="PlannedIterations">Iterations planned for it, if known.</param>
/// <param name="Elapsed">Time spent on it.</param>
/// <param name="Finished">True on the last report of the activity.</param>
public sealed record EngineProgress(
    string Engine,
    Implementation Implementation,
    string Activity,
    int Iterations,
    int? PlannedIterations,
    TimeSpan Elapsed,
    bool Finished);

/// <summary>The verdict of one property from one engine, with the evidence.</summary>
/// <param name="Property">The property.</param>
/// <param name="Verdict">Pass, fail, inconclusive or not applicable.</param>
/// <param name="Iterations">Iterations of the runs that exercised the property.</param>
/// <param name="Elapsed">Time of those runs.</param>
/// <param name="Scenario">On a failure, the scenario it failed in.</param>
/// <param name="Violation">On a failure, what broke, in words.</param>
/// <param name="History">On a failure, the history as a table with one column per caller.</param>
/// <param name="Witness">On a failure, the replayable run (trace, replay command), if one could be recorded.</param>
/// <param name="Cause">Why the verdict is inconclusive or not applicable, or why a failure has no replayable run.</param>
public sealed record PropertyResult(
    Property Property,
    Verdict Verdict,
    int Iterations,
    TimeSpan Elapsed,
    Scenario? Scenario = null,
    Violation? Violation = null,
    string? History = null,
    RunResult? Witness = null,
    string? Cause = null);

/// <summary>Everything one engine concluded about one implementation.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Implementation">The implementation.</param>
/// <param name="Results">One result per requested property.</param>
/// <param name="Fingerprint">What the implementation does, if characterization was requested and the engine supports it.</param>
/// <param name="Iterations">Iterations the engine ran, in all.</param>
/// <param name="Elapsed">Time the engine spent, in all.</param>
/// <param name="Evidence">
/// What backs the verdicts: the engine's <see cref="IVerificationEngine.Evidence"/>. The matrix merges engines by it.
/// </param>
public sealed record EngineReport(
    string Engine,
    Implementation Implementation,
    ImmutableArray<PropertyResult> Results,
    Fingerprint? Fingerprint,
    int Iterations,
    TimeSpan Elapsed,
    Evidence Evidence)
{
    /// <summary>What the engine saw run that it does not control (Coyote's uncontrolled invocations), in all.</summary>
    public ImmutableArray<string> Uncontrolled { get; init; } = [];

    /// <summary>The verdict on <paramref name="property"/>.</summary>
    public Verdict VerdictOf(Property property) => Results.First(r => r.Property == property).Verdict;
}
