using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// Third-party async lazies judged against their documentation: where the documentation promises the contract the library
/// passes, and where it promises less, the property it does not promise is the one that fails.
/// </summary>
public sealed class ThirdPartyTests
{
    [TestCase("nito-async-lazy")]
    [TestCase("nito-async-lazy-retry")]
    public void NitoAsyncLazy_EveryScenario_BehavesAsDocumented(string name)
    {
        var report = Verifier.Verify(Registry.Find(name), TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(report.AsDeclared, Is.True, () => string.Join(Environment.NewLine, report.Runs.Select(r => r.Describe())));
            Assert.That(report.Runs.SelectMany(r => r.Uncontrolled), Is.Empty);
        });
    }

    [Test]
    public void LazyTaskPublicationOnly_ConcurrentGet_StartsASecondInitialization()
    {
        // Documented: "all threads are allowed to run the initialization method"; only the first value is published.
        var result = CoyoteRunner.Run(Registry.Find("lazy-task-publication-only"), StandardScenarios.ConcurrentGet, TestSettings.Ci);
        ThinPathTests.AttachFailure(result);

        Assert.Multiple(() =>
        {
            Assert.That(result.Violations.Select(v => v.Property), Is.EqualTo(new[] { Property.Once }), result.Describe);
            Assert.That(result.Uncontrolled, Is.Empty);
        });
    }

    [Test]
    public void LazyTaskNone_ConcurrentGet_ACallerGetsAnExceptionNoInitializationThrew()
    {
        // Documented: "not thread safe; if the instance is accessed from multiple threads, its behavior is undefined".
        var result = CoyoteRunner.Run(Registry.Find("lazy-task-none"), StandardScenarios.ConcurrentGet, TestSettings.Ci);
        ThinPathTests.AttachFailure(result);

        Assert.Multiple(() =>
        {
            Assert.That(result.Violates(Property.Failure), result.Describe);
            Assert.That(result.Violations.Single(v => v.Property == Property.Failure).Reason, Does.Contain(nameof(InvalidOperationException)));
        });
    }
}
