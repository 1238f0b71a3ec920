using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>A violation seen while exploring: under which contract variant, in which iteration, and the history that shows it.</summary>
/// <param name="Variant">The contract variant the history was judged against.</param>
/// <param name="Violation">The first violation of its property under that variant.</param>
/// <param name="Seed">The seed of the run, so a rerun with it reaches the same schedule.</param>
/// <param name="Iteration">The 1-based iteration of that run in which it was first seen.</param>
/// <param name="History">The history of that iteration, as a table.</param>
/// <param name="InStoppedIteration">True if Coyote stopped that iteration itself (a deadlock) and the history is partial.</param>
public sealed record VariantViolation(ContractVariant Variant, Violation Violation, uint Seed, int Iteration, string History, bool InStoppedIteration = false);

/// <summary>
/// What one exploration of one scenario saw when every iteration was judged against several contract variants and none
/// stopped the run: the first violation of each property under each variant.
/// </summary>
/// <param name="Implementation">The implementation, as registered (its declared contract unchanged).</param>
/// <param name="Scenario">The scenario explored.</param>
/// <param name="ExecutorPolicy">
/// The cancellation policy the scenario executor assumed when deciding which callers must finish while an attempt hangs.
/// It matters only for scenarios with a hanging attempt; a run judges only the variants it was executed for.
/// </param>
/// <param name="Settings">Iterations, seed and strategy of this run.</param>
/// <param name="Variants">The variants every history was judged against.</param>
/// <param name="Iterations">Iterations explored.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Violations">The first violation of each (variant, property), in the order they were seen.</param>
/// <param name="ResetProblem">Why the reset hook is unusable (no hook, a reset that never completed), or null.</param>
/// <param name="Fault">A fault that kept a scenario from running at all (the adapter threw), or null.</param>
/// <param name="Uncontrolled">What Coyote does not control, seen at run time or found in the implementation's code.</param>
/// <param name="Inconclusive">
/// Why a clean run proves nothing (an engine fault, uncontrolled concurrency, a potential deadlock, a stop no property
/// explains), or null. Violations seen in completed iterations stand regardless.
/// </param>
/// <param name="IsProbe">True for a one-iteration probe (does the implementation have a reset hook at all?).</param>
public sealed record ExplorationRun(
    Implementation Implementation,
    Scenario Scenario,
    CancellationPolicy ExecutorPolicy,
    RunSettings Settings,
    ImmutableArray<ContractVariant> Variants,
    int Iterations,
    TimeSpan Elapsed,
    ImmutableArray<VariantViolation> Violations,
    string? ResetProblem,
    string? Fault,
    ImmutableArray<string> Uncontrolled,
    string? Inconclusive,
    bool IsProbe = false)
{
    /// <summary>True if nothing kept the run from judging: no fault, nothing uncontrolled, no unexplained stop.</summary>
    public bool IsConclusive => Fault is null && Inconclusive is null;

    /// <summary>True if this run's histories are the ones the declared contract is judged on.</summary>
    public bool IsDeclaredRun =>
        !IsProbe
        && StandardScenarios.For(Implementation).Contains(Scenario)
        && (!Scenario.UsesHang || (ExecutorPolicy == CancellationPolicy.None) == (Implementation.Contract.Cancellation == CancellationPolicy.None));

    public IEnumerable<VariantViolation> Of(ContractVariant variant) => Violations.Where(v => v.Variant == variant);

    /// <summary>Why this run cannot vouch for a pass, or null if it can.</summary>
    public string? InconclusiveCause => Fault ?? Inconclusive;

    /// <summary>A short label for progress and reports: the scenario, and the executor's policy where it matters.</summary>
    public string Label => Describe(Scenario, ExecutorPolicy, IsProbe);

    public static string Describe(Scenario scenario, CancellationPolicy executorPolicy, bool isProbe = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var mode = scenario.UsesHang ? (executorPolicy == CancellationPolicy.None ? " (as cancellation none)" : " (as cancellation caller)") : string.Empty;
        return $"{scenario.Name}{mode}{(isProbe ? " (probe)" : string.Empty)}";
    }
}
