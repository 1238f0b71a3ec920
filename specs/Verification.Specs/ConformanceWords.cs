namespace Verification.Specs;

/// <summary>Every way one "as declared" answer is written. A row of <see cref="VerdictSpelling"/>.</summary>
/// <param name="Conformance">The answer spelled.</param>
/// <param name="Compact">On the terminal and in Markdown: <c>yes (inc.)</c>.</param>
/// <param name="Word">In the HTML matrix, where there is room: <c>yes (partly)</c>.</param>
/// <param name="Class">The HTML class suffix of the cell (<c>declared-yes</c>): what colour it gets.</param>
/// <param name="Meaning">Why the answer is what it is, in a sentence: the HTML cell's hover text.</param>
public sealed record ConformanceWords(Conformance Conformance, string Compact, string Word, string Class, string Meaning);
