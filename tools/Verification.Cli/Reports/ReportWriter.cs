namespace Verification.Cli.Reports;

/// <summary>
/// Writes the three reports into the output folder, and the JSON also where <c>--json</c> says, all from the one
/// <see cref="ReportModel"/> of the run that the terminal matrix was printed from.
/// </summary>
internal static class ReportWriter
{
    public const string JsonName = "report.json";
    public const string MarkdownName = "report.md";
    public const string HtmlName = "report.html";

    /// <returns>The paths written, JSON, Markdown, HTML, then the extra JSON copy if any.</returns>
    public static IReadOnlyList<string> Write(VerificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var directory = Path.GetFullPath(outcome.Options.OutputDirectory);
        Directory.CreateDirectory(directory);
        var model = ReportModel.Of(outcome);
        var json = JsonReport.Serialize(model);
        var written = new List<string>
        {
            WriteFile(Path.Combine(directory, JsonName), json),
            WriteFile(Path.Combine(directory, MarkdownName), MarkdownReport.Render(model)),
            WriteFile(Path.Combine(directory, HtmlName), HtmlReport.Render(model, directory)),
        };
        if (outcome.Options.JsonPath is { } extra)
        {
            var path = Path.GetFullPath(extra);
            if (Path.GetDirectoryName(path) is { Length: > 0 } parent)
            {
                Directory.CreateDirectory(parent);
            }

            written.Add(WriteFile(path, json));
        }

        return written;
    }

    private static string WriteFile(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
