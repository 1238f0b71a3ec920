using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>What every engine concluded about one implementation, merged into one row of the matrix.</summary>
internal sealed record ImplementationOutcome(Implementation Implementation, ImmutableArray<Property> Properties, ImmutableArray<EngineReport> Reports)
{
    /// <summary>The verdict over every engine, by the evidence behind each engine's verdict (<see cref="Merge"/>).</summary>
    public Verdict VerdictOf(Property property) => Merge(ResultsFor(property).Select(r => (r.Result.Verdict, r.Evidence)));

    /// <summary>
    /// Merges engines' verdicts on one property by what backs each (<see cref="Core.Evidence"/>), never by which engine gave
    /// it: FAIL if any engine witnessed a violation (every kind of evidence can); else PASS if an engine whose evidence can
    /// certify a pass passed it; else INCONCLUSIVE if any engine ran it; else n/a (it applies to none).
    /// </summary>
    /// <remarks>
    /// A pass sampled on real threads is many runs that happened to be fine, so it never passes a cell on its own and never
    /// outweighs a systematic engine that could not judge: code Coyote cannot control stays inconclusive however clean its
    /// stress runs. An engine that could not judge adds nothing: the FsCheck search, for one, stops at its first
    /// counterexample and leaves the properties it does not violate unjudged. A report that does not say what backs it
    /// certifies nothing either.
    /// </remarks>
    public static Verdict Merge(IEnumerable<(Verdict Verdict, Evidence Evidence)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var all = results.ToList();
        return all.Any(r => r.Verdict == Verdict.Fail) ? Verdict.Fail
            : all.Any(r => r.Verdict == Verdict.Pass && r.Evidence.CanCertifyPass()) ? Verdict.Pass
            : all.Any(r => r.Verdict is Verdict.Pass or Verdict.Inconclusive) ? Verdict.Inconclusive
            : Verdict.NotApplicable;
    }

    /// <summary>Each engine's verdict on <paramref name="property"/>, e.g. <c>coyote pass, stress fail</c>, when more than one ran.</summary>
    public string? EnginesSay(Property property) =>
        Reports.Length < 2 ? null : string.Join(", ", ResultsFor(property).Select(r => $"{r.Engine} {VerdictSpelling.Of(r.Result.Verdict).Key}"));

    /// <summary>Each engine's result on <paramref name="property"/>, in engine order, with what backs it.</summary>
    public IEnumerable<(string Engine, Evidence Evidence, PropertyResult Result)> ResultsFor(Property property) =>
        Reports.SelectMany(r => r.Results.Where(x => x.Property == property).Select(x => (r.Engine, r.Evidence, x)));

    /// <summary>Why a cell is not a plain pass or fail: the first cause any engine gave.</summary>
    public string? CauseOf(Property property)
    {
        var verdict = VerdictOf(property);
        var results = ResultsFor(property).ToList();
        var cause = results.Where(r => r.Result.Verdict == verdict).Select(r => r.Result.Cause).FirstOrDefault(c => c is not null);
        if (cause is not null || verdict != Verdict.Inconclusive)
        {
            return cause;
        }

        // Inconclusive, and no engine said why: some engine passed it, but none whose evidence can certify a pass.
        var uncertified = results.Where(r => r.Result.Verdict == Verdict.Pass).Select(r => r.Engine).ToList();
        return uncertified.Count == 0 ? null : UncertifiedPass(uncertified);
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

    /// <summary>
    /// True if some property checked is inconclusive and the implementation does not declare that it accepts that
    /// (<see cref="Implementation.AcceptsInconclusive"/>): nothing contradicts its declaration, but nothing proves it
    /// either, so it does not pass.
    /// </summary>
    public bool InconclusiveNotAccepted => !Conclusive && Implementation.AcceptsInconclusive is null;

    /// <summary>The "as declared" answer: <see cref="AsDeclared"/>, with a yes that nothing confirms (inconclusive cells) told apart.</summary>
    public Conformance Conformance => AsDeclared switch
    {
        true => Conclusive ? Conformance.Yes : Conformance.Partly,
        false => Conformance.No,
        _ => Conformance.NotChecked,
    };

    public int Iterations => Reports.Sum(r => r.Iterations);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Reports.Sum(r => r.Elapsed.Ticks));

    /// <summary>Every failed property, per engine, in property order.</summary>
    public IEnumerable<(string Engine, Evidence Evidence, PropertyResult Result)> Failures =>
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
            .Select(g => new FailureGroup(Implementation, g.Key.Engine, g.First().Evidence, [.. g.Select(f => f.Result)]));

    /// <summary>
    /// Why a cell only engines that cannot certify a pass passed is inconclusive, naming them and the engines that can
    /// certify one, e.g. <c>Only the stress engine passed it, ...; run coyote or fscheck too.</c>
    /// </summary>
    private static string UncertifiedPass(List<string> engines)
    {
        var who = engines.Count == 1 ? $"the {engines[0]} engine" : $"the {string.Join(" and ", engines)} engines";
        var certifying = EngineCatalog.Available.Where(e => e.Evidence.CanCertifyPass()).Select(e => e.Name);
        return $"Only {who} passed it, and a clean {string.Join(" or ", engines)} run proves little; run {string.Join(" or ", certifying)} too.";
    }
}
