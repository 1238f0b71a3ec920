using System.Collections.Immutable;

namespace Verification.Core;

/// <summary>
/// The assemblies Coyote's rewriter failed on in this build, as build/Coyote.targets records them beside the harness
/// (<c>coyote-rewrite-failures.txt</c>: one line per assembly, file name, a tab, the rewriter's error).
/// </summary>
public static class RewriteFailures
{
    public const string FileName = "coyote-rewrite-failures.txt";

    private static readonly Lazy<ImmutableDictionary<string, string>> Recorded = new(() => Read(
        Path.Combine(Path.GetDirectoryName(typeof(RewriteFailures).Assembly.Location)!, FileName)));

    public static ImmutableDictionary<string, string> All => Recorded.Value;

    /// <summary>
    /// Why <paramref name="implementation"/> cannot be judged because code it reaches could not be rewritten, or null if
    /// everything it reaches was rewritten.
    /// </summary>
    public static string? EngineFaultFor(Implementation implementation)
    {
        if (All.IsEmpty)
        {
            return null;
        }

        var broken = UncontrolledApiScan.ReachableAssemblies(implementation.AdapterType)
            .Select(a => Path.GetFileName(a.Location))
            .Where(All.ContainsKey)
            .Order(StringComparer.Ordinal)
            .ToList();
        return broken.Count == 0
            ? null
            : $"Engine fault: Coyote's rewriter failed on {string.Join(", ", broken.Select(b => $"{b} ({All[b]})"))}, which {implementation.Name} uses; " +
              "its tasks and locks would run outside the scheduler, so no verdict is possible. This is a limit of Coyote 1.7.11, not a finding about the implementation.";
    }

    internal static ImmutableDictionary<string, string> Read(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path)
                .Select(line => line.Split('\t', 2))
                .Where(parts => parts[0].Length > 0)
                .ToImmutableDictionary(parts => parts[0], parts => parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : "no message", StringComparer.Ordinal)
            : ImmutableDictionary<string, string>.Empty;
}
