namespace Verification.Specs;

/// <summary>Every way one verdict is written. A row of <see cref="VerdictSpelling"/>; writers pick a column, never their own words.</summary>
/// <param name="Verdict">The verdict spelled.</param>
/// <param name="Compact">The matrix cell on the terminal and in Markdown, short enough for a column nine wide: <c>inconcl.</c>.</param>
/// <param name="Word">The verdict as a word in prose, headings and the HTML matrix, where there is room: <c>inconclusive</c>.</param>
/// <param name="Key">The machine-readable value (JSON, the per-engine list, the terminal's expected column): lowercase.</param>
/// <param name="Class">The HTML class of a matrix cell, which the page's style and <c>tools/check-report.sh</c> select on.</param>
/// <param name="Run">The verdict of one run in its headline (history files, test messages): uppercase, to stand out.</param>
/// <param name="Meaning">A gloss for a reader who does not know the word yet, in legends; null where the word says it all.</param>
public sealed record VerdictWords(Verdict Verdict, string Compact, string Word, string Key, string Class, string Run, string? Meaning);
