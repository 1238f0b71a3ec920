using System.Text.RegularExpressions;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The one writer of what a failure leaves on disk, under one naming scheme:
/// <c>implementation.scenario.seedN.PROPERTIES</c> followed by <c>.trace</c> (Coyote's reproducible trace),
/// <c>.case</c> (the case it belongs to, <see cref="ReplayCase"/>), <c>.txt</c> (Coyote's readable report) and
/// <c>.history.txt</c> (the failure as a person reads it).
/// </summary>
public static partial class Artefacts
{
    /// <summary>The name shared by a failure's files, e.g. <c>no-lock.concurrent-get.seed1.ONCE-SAME</c>.</summary>
    /// <param name="verificationCase">The implementation and scenario.</param>
    /// <param name="seed">The seed of the run that found it.</param>
    /// <param name="properties">The properties it violates; none for a failure no property explains.</param>
    public static string Name(VerificationCase verificationCase, uint seed, IEnumerable<Property> properties)
    {
        ArgumentNullException.ThrowIfNull(verificationCase);
        var ids = properties.Select(p => p.Id()).Distinct().ToList();
        var shown = ids.Count == 0 ? "bug" : string.Join("-", ids);
        return UnsafeFileCharacters().Replace($"{verificationCase.Implementation.Name}.{verificationCase.Scenario.Name}.seed{seed}.{shown}", "_");
    }

    /// <summary>The files a failure left beside <paramref name="tracePath"/> that exist, each with what it is.</summary>
    public static IEnumerable<(string Path, string Description)> Beside(string tracePath)
    {
        ArgumentNullException.ThrowIfNull(tracePath);
        var stem = tracePath[..^".trace".Length];
        return new[] { (tracePath, "Coyote trace"), (ReplayCase.PathFor(tracePath), "case"), (stem + ".txt", "Coyote report"), (stem + ".history.txt", "history") }
            .Where(file => File.Exists(file.Item1));
    }

    /// <summary>Writes the trace, its case file and Coyote's report; returns the trace's full path.</summary>
    public static string WriteTrace(string directory, string name, string trace, string? coyoteReport, VerificationCase verificationCase, Property? property)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var tracePath = Path.Combine(folder, name + ".trace");
        File.WriteAllText(tracePath, trace);
        ReplayCase.Write(tracePath, verificationCase, property);
        if (!string.IsNullOrEmpty(coyoteReport))
        {
            File.WriteAllText(Path.Combine(folder, name + ".txt"), coyoteReport);
        }

        return tracePath;
    }

    /// <summary>Writes the failure as a person reads it beside its trace.</summary>
    public static void WriteHistory(string tracePath, string text)
    {
        ArgumentNullException.ThrowIfNull(tracePath);
        File.WriteAllText(tracePath[..^".trace".Length] + ".history.txt", text);
    }

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex UnsafeFileCharacters();
}
