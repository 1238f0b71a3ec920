using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>What every engine concluded about one implementation, merged into one row of the matrix.</summary>
internal sealed record ImplementationOutcome(Implementation Implementation, ImmutableArray<Property> Properties, ImmutableArray<EngineReport> Reports)
{
    /// <summary>
    /// The verdict over every engine: fail if any engine failed it; else pass if some systematic engine (Coyote or FsCheck
    /// under Coyote) passed it; else inconclusive if some engine could not judge it or only the stress engine passed it; n/a
    /// if it applies to none. A stress pass never passes a cell alone: it is many runs that happened to be fine, so code
    /// Coyote cannot control (and calls inconclusive) stays inconclusive however clean its stress runs.
    /// </summary>
    public Verdict VerdictOf(Property property)
    {
        var results = ResultsFor(property).ToList();
        var verdicts = results.Select(r => r.Result.Verdict).ToList();
        return verdicts.Contains(Verdict.Fail) ? Verdict.Fail
            : results.Any(r => r.Result.Verdict == Verdict.Pass && r.Engine != Engines.StressEngine.EngineName) ? Verdict.Pass
            : verdicts.Contains(Verdict.Inconclusive) || verdicts.Contains(Verdict.Pass) ? Verdict.Inconclusive
            : Verdict.NotApplicable;
    }

    /// <summary>Each engine's verdict on <paramref name="property"/>, e.g. <c>coyote pass, stress fail</c>, when more than one ran.</summary>
    public string? EnginesSay(Property property) =>
        Reports.Length < 2 ? null : string.Join(", ", ResultsFor(property).Select(r => $"{r.Engine} {Names.Verdict(r.Result.Verdict)}"));

    public IEnumerable<(string Engine, PropertyResult Result)> ResultsFor(Property property) =>
        Reports.SelectMany(r => r.Results.Where(x => x.Property == property).Select(x => (r.Engine, x)));

    /// <summary>Why a cell is not a plain pass or fail: the first cause any engine gave.</summary>
    public string? CauseOf(Property property)
    {
        var verdict = VerdictOf(property);
        var cause = ResultsFor(property).Where(r => r.Result.Verdict == verdict).Select(r => r.Result.Cause).FirstOrDefault(c => c is not null);
        return cause ?? (verdict == Verdict.Inconclusive ? "Only the stress engine passed it, and a clean stress run proves little; run coyote or fscheck too." : null);
    }

    public Fingerprint? Fingerprint => Reports.Select(r => r.Fingerprint).FirstOrDefault(f => f is not null);

    /// <summary>
    /// True if nothing found contradicts the declaration, over the properties checked: a planted bug (or a documented
    /// violation) is caught violating the property it names, and nothing else fails any property. An inconclusive cell
    /// contradicts nothing (the engine could not judge); <see cref="Conclusive"/> says whether there is one. Null if the
    /// property a planted bug names was not among those checked.
    /// </summary>
    public bool? AsDeclared => Implementation.ExpectedViolation is Property expected
        ? Properties.Contains(expected) ? VerdictOf(expected) == Verdict.Fail : null
        : Properties.All(p => VerdictOf(p) != Verdict.Fail);

    /// <summary>True if every property checked got a verdict: pass or fail, or does not apply.</summary>
    public bool Conclusive => Properties.All(p => VerdictOf(p) != Verdict.Inconclusive);

    public int Iterations => Reports.Sum(r => r.Iterations);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Reports.Sum(r => r.Elapsed.Ticks));

    /// <summary>Every failed property, per engine, in property order.</summary>
    public IEnumerable<(string Engine, PropertyResult Result)> Failures =>
        Properties.SelectMany(ResultsFor).Where(r => r.Result.Verdict == Verdict.Fail);

    /// <summary>The inconclusive properties, grouped by cause, so a cause shared by every property is read once.</summary>
    public IEnumerable<(string Cause, ImmutableArray<Property> Properties)> InconclusiveGroups =>
        Properties
            .Where(p => VerdictOf(p) == Verdict.Inconclusive)
            .GroupBy(p => CauseOf(p) ?? "no cause given")
            .Select(g => (g.Key, g.ToImmutableArray()));

    /// <summary>The failures, those shown by the same replayable run together, so each trace is shown once.</summary>
    public IEnumerable<FailureGroup> FailureGroups =>
        Failures
            .GroupBy(f => (f.Engine, Key: f.Result.Witness?.TracePath ?? (f.Result.History is { } history ? $"{f.Result.Scenario?.Text}\n{history}" : $"{f.Result.Property}")))
            .Select(g => new FailureGroup(Implementation, g.Key.Engine, [.. g.Select(f => f.Result)]));
}

/// <summary>Properties of one implementation that one run shows failing: one trace, one history, one replay.</summary>
internal sealed record FailureGroup(Implementation Implementation, string Engine, ImmutableArray<PropertyResult> Results)
{
    public PropertyResult First => Results[0];

    public string PropertyIds => string.Join(", ", Results.Select(r => r.Property.Id()));
}

/// <summary>The whole verify run: what was asked and what every implementation came to.</summary>
internal sealed record VerificationOutcome(VerifyOptions Options, ImmutableArray<ImplementationOutcome> Implementations, TimeSpan Elapsed)
{
    /// <summary>True if no implementation contradicts what it declares.</summary>
    public bool AsDeclared => Implementations.All(i => i.AsDeclared != false);
}
