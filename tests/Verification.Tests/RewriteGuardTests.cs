using System.Reflection;
using System.Runtime.Loader;
using Verification.Core;

namespace Verification.Tests;

/// <summary>The harness refuses to judge code Coyote has not rewritten.</summary>
public sealed class RewriteGuardTests
{
    [Test]
    public void Run_OnAssemblyNotRewritten_RefusesWithTheFix()
    {
        // A pristine copy of the catalog, copied beside the tests before the build rewrote them (see the .csproj).
        var pristine = Path.Combine(TestContext.CurrentContext.TestDirectory, "unrewritten", "Verification.Implementations.dll");
        var context = new AssemblyLoadContext("unrewritten", isCollectible: true);
        try
        {
            var catalog = context.LoadFromAssemblyPath(pristine);
            var adapter = catalog.GetExportedTypes().Single(t => t.Name == "NoLockConnectorAdapter");
            var implementation = Registry.Describe(adapter);

            var refused = Assert.Throws<AssemblyNotRewrittenException>(
                () => Exploration.Run(implementation, StandardScenarios.ConcurrentGet, TestSettings.Ci));

            Assert.That(refused.Message, Does.Contain("Verification.Implementations").And.Contain("is not rewritten").And.Contain("coyote rewrite"));
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public void EnsureRewritten_OnRewrittenCatalog_Accepts()
    {
        var catalog = Registry.Find("no-lock").AdapterType.Assembly;

        Assert.DoesNotThrow(() => RewriteGuard.EnsureRewritten(catalog, typeof(RewriteGuard).Assembly, Assembly.GetExecutingAssembly()));
    }
}
