using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The sidecar written next to every trace: a trace records only scheduling choices, so the case it belongs to travels in
/// <c>name.case</c> beside <c>name.trace</c>. Line 1 is the case text (<c>implementation|scenario</c>), line 2 the property
/// the trace violates, if known. The regression corpus uses the same format.
/// </summary>
public static class ReplayCase
{
    public const string Extension = ".case";

    /// <summary>The sidecar's path for <paramref name="tracePath"/>: the same name with the extension <c>.case</c>.</summary>
    public static string PathFor(string tracePath) => Path.ChangeExtension(tracePath, Extension);

    public static void Write(string tracePath, VerificationCase verificationCase, Property? property)
    {
        ArgumentNullException.ThrowIfNull(verificationCase);
        var lines = property is Property p ? new[] { verificationCase.Text, p.Id() } : [verificationCase.Text];
        File.WriteAllLines(PathFor(tracePath), lines);
    }

    /// <summary>Reads the sidecar of <paramref name="tracePath"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no sidecar.</exception>
    /// <exception cref="FormatException">The sidecar holds no case, names an unknown implementation or property, or a bad scenario.</exception>
    public static (VerificationCase Case, Property? Property) Read(string tracePath) => Read(tracePath, Registry.Discovered);

    /// <summary>Reads the sidecar of <paramref name="tracePath"/>, whose implementation is one of those <paramref name="discovery"/> found.</summary>
    /// <exception cref="FileNotFoundException">There is no sidecar.</exception>
    /// <exception cref="FormatException">The sidecar holds no case, names an unknown implementation or property, or a bad scenario.</exception>
    public static (VerificationCase Case, Property? Property) Read(string tracePath, Discovery discovery)
    {
        var path = PathFor(tracePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No case file {Path.GetFileName(path)} beside the trace; pass the case as 'implementation|scenario'.", path);
        }

        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count == 0)
        {
            throw new FormatException($"{Path.GetFileName(path)} is empty; it should hold 'implementation|scenario' and a property ID.");
        }

        var verificationCase = VerificationCase.Parse(lines[0].Trim(), discovery);
        if (lines.Count < 2)
        {
            return (verificationCase, null);
        }

        return PropertyIds.TryParse(lines[1].Trim(), out var property)
            ? (verificationCase, property)
            : throw new FormatException($"{Path.GetFileName(path)} names '{lines[1].Trim()}', which is not a property ({string.Join(", ", PropertyIds.All.Select(p => p.Id()))}).");
    }
}
