using System.Reflection;
using Microsoft.Coyote.Rewriting;

namespace Verification.Core;

/// <summary>Refuses to run Coyote on code it has not rewritten: without rewriting its verdicts are meaningless.</summary>
public static class RewriteGuard
{
    /// <exception cref="AssemblyNotRewrittenException">One of <paramref name="assemblies"/> is not rewritten.</exception>
    public static void EnsureRewritten(params Assembly[] assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        {
            if (!RewritingEngine.IsAssemblyRewritten(assembly))
            {
                // The build records why the rewriter failed on an assembly; that reason is the one thing to fix first.
                var failed = RewriteFailures.All.TryGetValue(Path.GetFileName(assembly.Location), out var why)
                    ? $" The build tried, and Coyote's rewriter failed on it: {why}."
                    : string.Empty;
                throw new AssemblyNotRewrittenException(
                    $"{assembly.GetName().Name} ({assembly.Location}) is not rewritten by Coyote, so its tasks and locks escape the " +
                    $"scheduler and any verdict would be false.{failed} Build through MSBuild, which rewrites after every build " +
                    "(see build/Coyote.targets), or run 'dotnet tool run coyote rewrite' on it.");
            }
        }
    }
}
