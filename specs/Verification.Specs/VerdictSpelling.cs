using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>
/// The one table of how verdicts and "as declared" answers are written, by the terminal matrix, the Markdown, HTML and JSON
/// reports and a run's own description. Writers take a column of it; none spells a verdict itself or compares spellings,
/// so a word changed here changes everywhere at once and no two reports can drift apart.
/// </summary>
public static class VerdictSpelling
{
    /// <summary>One row per verdict, in the enumeration's order.</summary>
    public static ImmutableArray<VerdictWords> Verdicts { get; } =
    [
        new(Verdict.Pass, Compact: "pass", Word: "pass", Key: "pass", Class: "pass", Run: "PASS", Meaning: null),
        new(Verdict.Fail, Compact: "FAIL", Word: "FAIL", Key: "fail", Class: "fail", Run: "FAIL", Meaning: null),
        new(Verdict.Inconclusive, Compact: "inconcl.", Word: "inconclusive", Key: "inconclusive", Class: "inconclusive", Run: "INCONCLUSIVE",
            Meaning: "the engine could not judge"),
        new(Verdict.NotApplicable, Compact: "n/a", Word: "n/a", Key: "n/a", Class: "na", Run: "N/A", Meaning: "does not apply"),
    ];

    /// <summary>One row per "as declared" answer, in the enumeration's order.</summary>
    public static ImmutableArray<ConformanceWords> Conformances { get; } =
    [
        new(Conformance.Yes, Compact: "yes", Word: "yes", Class: "yes", Meaning: "every property as declared"),
        new(Conformance.Partly, Compact: "yes (inc.)", Word: "yes (partly)", Class: "yes",
            Meaning: "nothing contradicts the declaration, but some properties could not be judged: the inconclusive cells say why"),
        new(Conformance.No, Compact: "NO", Word: "NO", Class: "no", Meaning: "a property fails that the declaration promises"),
        new(Conformance.NotChecked, Compact: "not checked", Word: "not checked", Class: "unknown",
            Meaning: "the property this implementation must violate was not among those checked"),
    ];

    /// <summary>The words of <paramref name="verdict"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the enumeration.</exception>
    public static VerdictWords Of(Verdict verdict) =>
        Verdicts.FirstOrDefault(w => w.Verdict == verdict) ?? throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "not a verdict");

    /// <summary>The words of <paramref name="conformance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the enumeration.</exception>
    public static ConformanceWords Of(Conformance conformance) =>
        Conformances.FirstOrDefault(w => w.Conformance == conformance)
        ?? throw new ArgumentOutOfRangeException(nameof(conformance), conformance, "not an as-declared answer");

    /// <summary>An implementation's expected verdict as a column of the table spells it: <c>pass</c>, or <c>FAIL ONCE</c>.</summary>
    /// <param name="expectedViolation">The property it must violate, or null if it must pass.</param>
    /// <param name="column">Which column of the table, e.g. <c>w =&gt; w.Word</c>.</param>
    public static string Expected(Property? expectedViolation, Func<VerdictWords, string> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return expectedViolation is Property property ? $"{column(Of(Verdict.Fail))} {property.Id()}" : column(Of(Verdict.Pass));
    }
}
