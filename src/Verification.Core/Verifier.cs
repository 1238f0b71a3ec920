using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>The verdict of one property of one implementation, over every scenario that exercised it.</summary>
public sealed record PropertyVerdict(Property Property, Verdict Verdict, RunResult? Witness);

/// <summary>Everything the harness concluded about one implementation.</summary>
public sealed record ImplementationReport(Implementation Implementation, ImmutableArray<RunResult> Runs, ImmutableArray<PropertyVerdict> Properties)
{
    public Verdict VerdictOf(Property property) => Properties.First(p => p.Property == property).Verdict;

    /// <summary>
    /// True if nothing found contradicts the declaration: a planted bug (or a documented violation) is caught violating the
    /// property it names, and no other implementation fails any property. An inconclusive cell contradicts nothing (the
    /// engine could not judge); <see cref="Conclusive"/> says whether there is one.
    /// </summary>
    public bool AsDeclared => Implementation.ExpectedViolation is Property expected
        ? VerdictOf(expected) == Verdict.Fail
        : Properties.All(p => p.Verdict != Verdict.Fail);

    /// <summary>True if every property got a verdict: pass or fail, or does not apply.</summary>
    public bool Conclusive => Properties.All(p => p.Verdict != Verdict.Inconclusive);

    public int Iterations => Runs.Sum(r => r.Iterations);
}

/// <summary>Runs an implementation through its scenarios under Coyote and fills in the property matrix.</summary>
public static class Verifier
{
    public static ImplementationReport Verify(Implementation implementation, Budget budget, IProgress<RunResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var runs = ImmutableArray.CreateBuilder<RunResult>();
        foreach (var scenario in StandardScenarios.For(implementation))
        {
            var run = CoyoteRunner.Run(implementation, scenario, budget);
            runs.Add(run);
            progress?.Report(run);
        }

        return Summarize(implementation, runs.ToImmutable());
    }

    public static ImplementationReport Summarize(Implementation implementation, ImmutableArray<RunResult> runs)
    {
        var properties = PropertyIds.All.Select(property =>
        {
            if (property == Property.Reset && !implementation.Contract.SupportsReset)
            {
                return new PropertyVerdict(property, Verdict.NotApplicable, null);
            }

            var failed = runs.FirstOrDefault(r => r.Violates(property));
            if (failed is not null)
            {
                return new PropertyVerdict(property, Verdict.Fail, failed);
            }

            var exercising = runs.Where(r => r.Scenario.Targets.Contains(property)).ToList();
            var inconclusive = exercising.FirstOrDefault(r => r.Verdict != Verdict.Pass);
            return exercising.Count == 0
                ? new PropertyVerdict(property, Verdict.Inconclusive, null)
                : new PropertyVerdict(property, inconclusive is null ? Verdict.Pass : Verdict.Inconclusive, inconclusive);
        });
        return new ImplementationReport(implementation, runs, [.. properties]);
    }
}
