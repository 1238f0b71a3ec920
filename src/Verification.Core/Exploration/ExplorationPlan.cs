using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>What one Coyote exploration runs and how it judges: the case, the budget, the contract variants, when to stop.</summary>
/// <param name="Implementation">The implementation, as registered (its declared contract unchanged).</param>
/// <param name="Scenario">The scenario to explore.</param>
/// <param name="Settings">Iterations, seed, strategy, step bound, time limit and where failures are written.</param>
public sealed record ExplorationPlan(Implementation Implementation, Scenario Scenario, RunSettings Settings)
{
    /// <summary>
    /// The cancellation policy the scenario executor assumes when deciding which callers must finish while an attempt hangs
    /// (see <see cref="ExplorationRun.ExecutorPolicy"/>). The declared one unless characterizing.
    /// </summary>
    public CancellationPolicy ExecutorPolicy { get; init; } = Implementation.Contract.Cancellation;

    /// <summary>The contract variants every history is judged against; the declared contract alone unless characterizing.</summary>
    public ImmutableArray<ContractVariant> Variants { get; init; } = [ContractVariant.Of(Implementation.Contract)];

    /// <summary>Stop at the first replayable failure (a generated plan, a planted bug's search) instead of exploring the whole budget.</summary>
    public bool StopAtFirstFailure { get; init; }

    /// <summary>True for a one-iteration probe (does the implementation have a reset hook at all?).</summary>
    public bool IsProbe { get; init; }

    public VerificationCase Case => new(Implementation, Scenario);

    /// <summary>The declared contract as a variant.</summary>
    public ContractVariant Declared => ContractVariant.Of(Implementation.Contract);

    /// <summary>True if the declared contract is among the variants, so its violations are asserted and witnessed with a trace.</summary>
    public bool JudgesDeclared => Variants.Contains(Declared);

    /// <summary>The implementation as the executor should see it: the executor only asks whether the policy lets a cancelled caller stop waiting.</summary>
    public Implementation Executed =>
        ExecutorWaiting.WaitsAlike(ExecutorPolicy, Implementation.Contract.Cancellation)
            ? Implementation
            : Implementation with { Contract = Implementation.Contract with { Cancellation = ExecutorPolicy } };

    /// <summary>A short label for progress and reports: the scenario, and the executor's policy where it matters.</summary>
    public string Label => ExplorationRun.Describe(Scenario, ExecutorPolicy, IsProbe);
}
