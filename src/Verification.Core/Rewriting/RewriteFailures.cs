using System.Collections.Immutable;
using Microsoft.Coyote.Rewriting;

namespace Verification.Core;

/// <summary>
/// Code an implementation reaches that Coyote did not rewrite, and why: the assemblies the rewriter failed on in this
/// build, as build/Coyote.targets records them beside the harness (<c>coyote-rewrite-failures.txt</c>: one line per
/// assembly, file name, a tab, the rewriter's error), and any other assembly that is not rewritten.
/// </summary>
public static class RewriteFailures
{
    public const string FileName = "coyote-rewrite-failures.txt";

    private static readonly Lazy<ImmutableDictionary<string, string>> Recorded = new(() => Read(
        Path.Combine(Path.GetDirectoryName(typeof(RewriteFailures).Assembly.Location)!, FileName)));

    public static ImmutableDictionary<string, string> All => Recorded.Value;

    /// <summary>
    /// Why <paramref name="implementation"/> cannot be judged because code it reaches is not rewritten, or null if every
    /// assembly it reaches (its own, and the libraries it calls, outside the shared framework and Coyote) was rewritten.
    /// </summary>
    /// <remarks>
    /// Checked on the assemblies themselves, not on a list: an assembly the rewriter failed on, one the build excludes on
    /// purpose, or one a project kept out with <c>CoyoteDoNotRewrite</c> are all named, each with the reason known for it.
    /// </remarks>
    public static string? EngineFaultFor(Implementation implementation)
    {
        var unrewritten = UncontrolledApiScan.ReachableAssemblies(implementation.AdapterType)
            .Where(a => !a.IsDynamic && !RewritingEngine.IsAssemblyRewritten(a))
            .Select(a => Path.GetFileName(a.Location))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unrewritten.Count == 0)
        {
            return null;
        }

        var failed = unrewritten.Where(All.ContainsKey).ToList();
        var excluded = unrewritten.Except(failed).ToList();
        var causes = new List<string>();
        if (failed.Count > 0)
        {
            causes.Add($"Coyote's rewriter failed on {string.Join(", ", failed.Select(b => $"{b} ({All[b]})"))}");
        }

        if (excluded.Count > 0)
        {
            causes.Add($"{string.Join(", ", excluded)} {(excluded.Count == 1 ? "is" : "are")} not rewritten (the build leaves it out of Coyote's " +
                "rewrite: see the exclusions in build/Coyote.targets and any CoyoteDoNotRewrite item)");
        }

        return $"Engine fault: {string.Join("; ", causes)}, which {implementation.Name} uses; " +
               "its tasks and locks would run outside the scheduler, so no verdict is possible. This is a limit of the engine's set-up, not a finding about the implementation.";
    }

    internal static ImmutableDictionary<string, string> Read(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path)
                .Select(line => line.Split('\t', 2))
                .Where(parts => parts[0].Length > 0)
                .ToImmutableDictionary(parts => parts[0], parts => parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : "no message", StringComparer.Ordinal)
            : ImmutableDictionary<string, string>.Empty;
}
