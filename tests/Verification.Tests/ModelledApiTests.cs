using Verification.Core;
using Verification.Specs;
using Verification.Tests.Fixtures;
using Verification.Tests.Kit;
using static Verification.Tests.Kit.FixtureImplementations;

namespace Verification.Tests;

/// <summary>
/// Correct code on the APIs Coyote 1.7.11 misses or models wrongly is judged, and passes: the harness's models
/// (src/Verification.Models) stand in for them. Code the build leaves unrewritten is not judged, and says which assembly.
/// </summary>
public sealed class ModelledApiTests
{
    private static RunSettings Quick => TestSettings.Ci with { Iterations = 200 };

    public static IEnumerable<TestCaseData> CorrectOnModelledApis()
    {
        // Each caches its initialization's task, failed or not: failure policy cache.
        yield return new TestCaseData(typeof(SystemThreadingLockAdapter), CancellationPolicy.None).SetArgDisplayNames("System.Threading.Lock");
        yield return new TestCaseData(typeof(MonitorIsEnteredAssertingAdapter), CancellationPolicy.None).SetArgDisplayNames("Monitor.IsEntered");
        yield return new TestCaseData(typeof(InfiniteDelayRaceAdapter), CancellationPolicy.Caller).SetArgDisplayNames("Task.Delay(Infinite, token)");
    }

    [TestCaseSource(nameof(CorrectOnModelledApis))]
    public void CorrectCodeOnAModelledApi_PassesEveryStandardScenario(Type adapter, CancellationPolicy cancellation)
    {
        var implementation = new Implementation(
            adapter.Name, adapter, ImplementationKind.User, new DeclaredContract(FailurePolicy.Cache, cancellation, SupportsReset: false), null, "fixture");
        Assert.Multiple(() =>
        {
            foreach (var scenario in StandardScenarios.All.Where(s => !s.UsesReset))
            {
                var result = Exploration.Run(implementation, scenario, Quick);
                Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
            }
        });
    }

    [Test]
    public void CodeInAnAssemblyTheBuildDoesNotRewrite_IsInconclusiveNamingTheAssembly()
    {
        var result = Exploration.Run(Fixture<LazyFromUnrewrittenLibraryAdapter>(), StandardScenarios.ConcurrentGet, Quick);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), result.Describe);
            Assert.That(result.Diagnosis, Does.Contain("FSharp.Core.dll").And.Contain("not rewritten"));
            Assert.That(result.Violations, Is.Empty);
        });
    }
}
