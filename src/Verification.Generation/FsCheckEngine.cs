using System.Collections.Immutable;
using System.Diagnostics;
using Verification.Core;
using Verification.Generation;
using Verification.Specs;

namespace Verification.Generation;

/// <summary>
/// The generated-scenario engine behind <c>--engine fscheck</c>: FsCheck generates scenario plans for the implementation,
/// runs each under Coyote with a small budget, and shrinks the first failing plan (<see cref="GenerationRunner"/>).
/// </summary>
/// <remarks>
/// The search stops at its first counterexample, so the properties that counterexample violates fail (with the shrunk
/// plan's trace), and the others are inconclusive for this engine: the plans after it were never generated. A search over
/// every plan that finds nothing passes every property that applies.
/// </remarks>
public sealed class FsCheckEngine : IVerificationEngine
{
    public const string EngineName = "fscheck";

    /// <summary>Plans per implementation, as in CI.</summary>
    public const int Plans = 100;

    /// <summary>Coyote iterations per plan: a few suffice for a plan that is small, and a planted bug gets more.</summary>
    public const int IterationsPerPlan = 10;

    public const int IterationsPerPlanOfAPlantedBug = 50;

    public string Name => EngineName;

    /// <summary>Every plan runs under Coyote's controlled schedules, so a search that finds nothing certifies a pass.</summary>
    public Evidence Evidence => Evidence.Generated;

    public EngineReport Verify(Implementation implementation, VerificationRequest request, IProgress<EngineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(request);
        var budget = request.Budget.Settings;
        var target = request.Properties.Length == 1
            ? request.Properties[0]
            : implementation.ExpectedViolation is Property expected && request.Properties.Contains(expected) ? expected : (Property?)null;
        var iterations = implementation.ExpectedViolation is null ? IterationsPerPlan : IterationsPerPlanOfAPlantedBug;
        var settings = new GenerationSettings(budget with { Iterations = iterations, TimeLimitSeconds = null }, Plans);
        var activity = target is Property t ? $"{Plans} generated plans, looking for {t.Id()}" : $"{Plans} generated plans";
        progress?.Report(new EngineProgress(Name, implementation, activity, 0, null, TimeSpan.Zero, false));
        var clock = Stopwatch.StartNew();
        var search = GenerationRunner.Run(implementation, settings, target);
        progress?.Report(new EngineProgress(Name, implementation, activity, search.Runs * iterations, null, clock.Elapsed, true));

        var results = request.Properties.Select(p => Judge(implementation, p, search, target, iterations)).ToImmutableArray();
        return new EngineReport(Name, implementation, results, null, search.Runs * iterations, search.Elapsed, Evidence);
    }

    private static PropertyResult Judge(Implementation implementation, Property property, GenerationResult search, Property? target, int iterations)
    {
        var (spent, elapsed) = (search.Runs * iterations, search.Elapsed);
        if (PropertyResult.NotApplicable(implementation, property) is { } notApplicable)
        {
            return notApplicable;
        }

        if (search.Counterexample is not { } counterexample)
        {
            return target is Property sought && sought != property
                ? new PropertyResult(property, Verdict.Inconclusive, spent, elapsed, Cause: $"The generated plans were searched for {sought.Id()} only.")
                : new PropertyResult(property, Verdict.Pass, spent, elapsed);
        }

        var seed = $"FsCheck seed {search.Seed}, shrunk from {search.Original?.Text} in {search.Shrinks} step(s).";
        if (counterexample.Violations.FirstOrDefault(v => v.Property == property) is { } violation)
        {
            return new PropertyResult(property, Verdict.Fail, spent, elapsed, search.Shrunk, violation, counterexample.History, counterexample, seed);
        }

        var found = counterexample.Violations.IsEmpty
            ? counterexample.Diagnosis ?? "the plan's run was not a pass"
            : string.Join(", ", counterexample.Violations.Select(v => v.Property.Id()).Distinct());
        return new PropertyResult(property, Verdict.Inconclusive, spent, elapsed, search.Shrunk,
            Cause: $"The search stopped at its first counterexample ({found}), so later plans were not generated. {seed}");
    }
}
