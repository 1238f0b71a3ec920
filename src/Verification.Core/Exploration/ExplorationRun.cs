using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// What one exploration of one scenario saw: the first violation of each property under each contract variant, and a
/// replayable failure (trace, history, replay command) for each first violation of the declared contract, all from the
/// same run.
/// </summary>
/// <param name="Plan">What was explored, and how it was judged.</param>
/// <param name="Iterations">Iterations explored.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Violations">The first violation of each (variant, property), in the order they were seen.</param>
/// <param name="Witnesses">The replayable failures of the declared contract, in the order they were seen.</param>
/// <param name="ResetProblem">Why the reset hook is unusable (no hook, a reset that never completed), or null.</param>
/// <param name="Fault">A fault that kept a scenario from running at all (the adapter threw), or null.</param>
/// <param name="Uncontrolled">What Coyote does not control, seen at run time or found in the implementation's code.</param>
/// <param name="Inconclusive">
/// Why a clean run proves nothing (an engine fault, uncontrolled concurrency, a potential deadlock, a stop no property
/// explains), or null. Violations seen in the histories stand regardless.
/// </param>
public sealed record ExplorationRun(
    ExplorationPlan Plan,
    int Iterations,
    TimeSpan Elapsed,
    ImmutableArray<VariantViolation> Violations,
    ImmutableArray<RunResult> Witnesses,
    string? ResetProblem,
    string? Fault,
    ImmutableArray<string> Uncontrolled,
    string? Inconclusive)
{
    /// <summary>The properties a run cannot vouch for when no initialization attempt ever started: there was nothing to judge them on.</summary>
    public static ImmutableArray<Property> NeedAnAttempt { get; } = [Property.Once, Property.Same, Property.Published, Property.Cancel, Property.Live];

    /// <summary>
    /// Why <see cref="NeedAnAttempt"/> cannot pass: callers called get, the scenario must start an attempt, and no attempt
    /// started in any explored schedule (an exception every call hit before reaching the initialization, say); null if one did.
    /// A violation seen stands; only a pass is withheld.
    /// </summary>
    public string? NoAttemptStarted { get; init; }

    public Implementation Implementation => Plan.Implementation;

    public Scenario Scenario => Plan.Scenario;

    /// <summary>
    /// The cancellation policy the scenario executor assumed when deciding which callers must finish while an attempt hangs.
    /// It matters only for scenarios with a hanging attempt; a run judges only the variants it was executed for.
    /// </summary>
    public CancellationPolicy ExecutorPolicy => Plan.ExecutorPolicy;

    public RunSettings Settings => Plan.Settings;

    public ImmutableArray<ContractVariant> Variants => Plan.Variants;

    public bool IsProbe => Plan.IsProbe;

    /// <summary>True if nothing kept the run from judging: no fault, nothing uncontrolled, no unexplained stop.</summary>
    public bool IsConclusive => Fault is null && Inconclusive is null;

    /// <summary>True if this run's histories are the ones the declared contract is judged on.</summary>
    public bool IsDeclaredRun =>
        !IsProbe
        && StandardScenarios.For(Implementation).Contains(Scenario)
        && (!Scenario.UsesHang || ExecutorWaiting.WaitsAlike(ExecutorPolicy, Implementation.Contract.Cancellation));

    public IEnumerable<VariantViolation> Of(ContractVariant variant) => Violations.Where(v => v.Variant == variant);

    /// <summary>True if the run stopped at its first failure (<see cref="ExplorationPlan.StopAtFirstFailure"/>) before its budget was spent.</summary>
    public bool StoppedEarly => Plan.StopAtFirstFailure && !Witnesses.IsEmpty;

    /// <summary>Why this run cannot vouch for a pass, or null if it can.</summary>
    public string? InconclusiveCause => Fault ?? Inconclusive ?? (StoppedEarly
        ? $"The exploration stopped at its first failure (iteration {Witnesses[0].Iterations}), so the schedules after it were not explored."
        : null);

    /// <summary>Why this run cannot vouch for a pass of <paramref name="property"/>, or null if it can.</summary>
    public string? InconclusiveCauseFor(Property property) =>
        InconclusiveCause ?? (NeedAnAttempt.Contains(property) ? NoAttemptStarted : null);

    /// <summary>The replayable failure that shows <paramref name="property"/> violated under the declared contract, if any.</summary>
    public RunResult? WitnessOf(Property property) => Witnesses.FirstOrDefault(w => w.Violates(property));

    /// <summary>
    /// The run as one result: its first replayable failure; else inconclusive with the cause; else a pass. A fault that kept
    /// the implementation from being built fails the run (with its trace) but leaves every property unjudged.
    /// </summary>
    public RunResult ToResult()
    {
        if (!Witnesses.IsEmpty)
        {
            return Witnesses[0];
        }

        return (InconclusiveCause ?? NoAttemptStarted) is { } cause
            ? new RunResult(Implementation, Scenario, Settings, Verdict.Inconclusive, [], Iterations, Elapsed, null, null, null, Uncontrolled, cause)
            : new RunResult(Implementation, Scenario, Settings, Verdict.Pass, [], Iterations, Elapsed, null, null, null, Uncontrolled, Core.Uncontrolled.DataNoteOf(Uncontrolled));
    }

    /// <summary>A short label for progress and reports: the scenario, and the executor's policy where it matters.</summary>
    public string Label => Plan.Label;

    public static string Describe(Scenario scenario, CancellationPolicy executorPolicy, bool isProbe = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var mode = scenario.UsesHang ? (executorPolicy == CancellationPolicy.None ? " (as cancellation none)" : " (as cancellation caller)") : string.Empty;
        return $"{scenario.Name}{mode}{(isProbe ? " (probe)" : string.Empty)}";
    }
}
