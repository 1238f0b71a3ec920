using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// What an implementation actually does, found by judging its histories against every contract variant rather than only
/// the declared one: which failure policy, which cancellation policy, and whether a reset works. Each dimension is decided
/// by the properties that depend on it: failure by FAILURE; cancellation by CANCEL, and by LIVE in the scenarios where a
/// hung attempt makes the executor's waiting depend on the policy; reset by RESET and by a reset that completes.
/// </summary>
/// <param name="Failure">The failure policy that held (the first of retry, cache if both did); null if none held or none was explored.</param>
/// <param name="Cancellation">The cancellation policy that held (the first of none, caller, caller-abandon if several did); null if none held or none was explored.</param>
/// <param name="Reset">True if the reset scenarios ran and reset worked; false if it is missing or broken; null if not explored.</param>
/// <param name="FailureHolds">Every failure policy no history contradicted.</param>
/// <param name="CancellationHolds">Every cancellation policy no history contradicted.</param>
/// <param name="Evidence">Why each variant was ruled out, or why a dimension was not explored, one line each.</param>
/// <param name="Unknown">
/// The dimensions (<c>failure</c>, <c>cancellation</c>, <c>reset</c>) left open: not explored, or no run could judge them. A
/// null dimension not listed here is one where every variant was ruled out.
/// </param>
public sealed record Fingerprint(
    FailurePolicy? Failure,
    CancellationPolicy? Cancellation,
    bool? Reset,
    ImmutableArray<FailurePolicy> FailureHolds,
    ImmutableArray<CancellationPolicy> CancellationHolds,
    ImmutableArray<string> Evidence,
    ImmutableArray<string> Unknown = default)
{
    public const string FailureDimension = "failure";
    public const string CancellationDimension = "cancellation";
    public const string ResetDimension = "reset";

    /// <summary>True if <paramref name="dimension"/> was left open rather than decided.</summary>
    public bool IsUnknown(string dimension) => !Unknown.IsDefault && Unknown.Contains(dimension);

    /// <summary>True if every dimension was characterized and equals what <paramref name="contract"/> declares.</summary>
    public bool Matches(DeclaredContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Failure == contract.Failure && Cancellation == contract.Cancellation && Reset == contract.SupportsReset;
    }

    public override string ToString() =>
        $"failure={Failure?.ToString().ToLowerInvariant() ?? "?"}, cancellation={(Cancellation is { } c ? CancellationIds.Id(c) : "?")}, reset={Reset switch { true => "yes", false => "no", _ => "?" }}";

    /// <summary>Characterizes <paramref name="implementation"/> from the runs that explored it.</summary>
    public static Fingerprint Of(Implementation implementation, IReadOnlyCollection<ExplorationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(runs);
        var evidence = new List<string>();
        var unknown = new List<string>();

        var failureExplored = runs.Any(r => !r.IsProbe && r.Scenario.Attempts.Any(a => a.Behavior == AttemptBehavior.Fail));
        var failureHolds = Holds(
            Enum.GetValues<FailurePolicy>(), runs, evidence, unknown, failureExplored, FailureDimension, p => p.ToString().ToLowerInvariant(),
            (run, v, policy) => v.Variant.Failure == policy && v.Violation.Property == Property.Failure, Property.Failure);

        var cancellationExplored = runs.Any(r => !r.IsProbe && r.Scenario.UsesCancellation);
        var cancellationHolds = Holds(
            Enum.GetValues<CancellationPolicy>(), runs, evidence, unknown, cancellationExplored, CancellationDimension, CancellationIds.Id,
            (run, v, policy) => v.Variant.Cancellation == policy
                && (v.Violation.Property == Property.Cancel || (v.Violation.Property == Property.Live && run.Scenario.UsesHang)), Property.Cancel);

        var resetRuns = runs.Where(r => r.Scenario.UsesReset).ToList();
        bool? reset = null;
        if (resetRuns.Count == 0)
        {
            unknown.Add(ResetDimension);
            evidence.Add("reset: not explored (no reset scenario ran).");
        }
        else
        {
            var problem = resetRuns.Select(r => r.ResetProblem is { } p ? $"{r.Label}: {p}" : null).FirstOrDefault(p => p is not null)
                ?? resetRuns.SelectMany(r => r.Violations.Where(v => v.Violation.Property == Property.Reset).Select(v => $"{r.Label} (seed {v.Seed}, iteration {v.Iteration}): {v.Violation}")).FirstOrDefault();
            var unsure = resetRuns.FirstOrDefault(r => !r.IsConclusive);
            if (problem is not null)
            {
                reset = false;
                evidence.Add($"reset ruled out: {problem}");
            }
            else if (unsure is not null)
            {
                unknown.Add(ResetDimension);
                evidence.Add($"reset not established: {unsure.Label}: {unsure.InconclusiveCause}");
            }
            else
            {
                reset = true;
            }
        }

        return new Fingerprint(
            Pick(failureHolds, FailureDimension, evidence), Pick(cancellationHolds, CancellationDimension, evidence), reset, failureHolds, cancellationHolds,
            [.. evidence], [.. unknown]);
    }

    private static ImmutableArray<T> Holds<T>(
        IEnumerable<T> policies,
        IReadOnlyCollection<ExplorationRun> runs,
        List<string> evidence,
        List<string> unknown,
        bool explored,
        string dimension,
        Func<T, string> name,
        Func<ExplorationRun, VariantViolation, T, bool> contradicts,
        Property decidedBy)
        where T : struct, Enum
    {
        if (!explored)
        {
            unknown.Add(dimension);
            evidence.Add($"{dimension}: not explored (no scenario that tells the policies apart ran).");
            return [];
        }

        var holds = ImmutableArray.CreateBuilder<T>();
        var open = false;
        foreach (var policy in policies)
        {
            var against = runs
                .SelectMany(run => run.Violations.Where(v => contradicts(run, v, policy)).Select(v => (run, v)))
                .Select(x => $"{dimension}={name(policy)} ruled out by {x.run.Label} (seed {x.v.Seed}, iteration {x.v.Iteration}): {x.v.Violation}")
                .FirstOrDefault();
            var inconclusive = runs.FirstOrDefault(r => r.InconclusiveCauseFor(decidedBy) is not null && !r.IsProbe);
            if (against is not null)
            {
                evidence.Add(against);
            }
            else if (inconclusive is not null)
            {
                open = true;
                evidence.Add($"{dimension}={name(policy)} not established: {inconclusive.Label}: {inconclusive.InconclusiveCauseFor(decidedBy)}");
            }
            else
            {
                holds.Add(policy);
            }
        }

        if (holds.Count == 0 && open)
        {
            unknown.Add(dimension);
        }

        return holds.ToImmutable();
    }

    /// <summary>
    /// The first policy that held, in the enum's order, whatever the implementation declares: the fingerprint is found, not
    /// confirmed. Several holding means the scenarios could not tell them apart; the evidence says so.
    /// </summary>
    private static T? Pick<T>(ImmutableArray<T> holds, string dimension, List<string> evidence)
        where T : struct, Enum
    {
        if (holds.Length > 1)
        {
            evidence.Add($"{dimension}: the scenarios could not tell {string.Join(", ", holds.Select(h => h.ToString().ToLowerInvariant()))} apart; showing the first.");
        }

        return holds.IsEmpty ? null : holds[0];
    }
}
