using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// Third-party async lazies judged against their documentation: where the documentation promises the contract the library
/// passes; where it promises less, the property it does not promise is the one that fails; where Coyote cannot judge,
/// the verdict says so and names why, never blaming the library.
/// </summary>
public sealed class ThirdPartyTests
{
    [TestCase("nito-async-lazy")]
    [TestCase("nito-async-lazy-retry")]
    public void NitoAsyncLazy_EveryScenario_PassesWithNothingUncontrolled(string name)
    {
        var report = Verifier.Verify(Registry.Find(name), new Budget(TestSettings.Ci));

        Assert.Multiple(() =>
        {
            Assert.That(report.Properties.Select(p => p.Verdict), Is.All.EqualTo(Verdict.Pass).Or.EqualTo(Verdict.NotApplicable),
                () => string.Join(Environment.NewLine, report.Runs.Select(r => r.Describe())));
            Assert.That(report.Runs.SelectMany(r => r.Uncontrolled), Is.Empty);
        });
    }

    [Test]
    public void LazyTaskPublicationOnly_ConcurrentGet_StartsASecondInitialization()
    {
        // Documented: "all threads are allowed to run the initialization method"; only the first value is published.
        var result = CoyoteRunner.Run(Registry.Find("lazy-task-publication-only"), StandardScenarios.ConcurrentGet, TestSettings.Ci);
        TestSettings.Attach(result);

        Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Once), result.Describe);
    }

    [Test]
    public void LazyTaskNone_ConcurrentGet_ACallerGetsAnExceptionNoInitializationThrew()
    {
        // Documented: "not thread safe; if the instance is accessed from multiple threads, its behavior is undefined".
        var result = CoyoteRunner.Run(Registry.Find("lazy-task-none"), StandardScenarios.ConcurrentGet, TestSettings.Ci);
        TestSettings.Attach(result);

        Assert.Multiple(() =>
        {
            Assert.That(result.Violates(Property.Failure), result.Describe);
            Assert.That(result.Violations.Single(v => v.Property == Property.Failure).Reason, Does.Contain(nameof(InvalidOperationException)));
        });
    }

    [Test]
    public void LazyTaskExecutionAndPublication_UnderCoyote_IsInconclusiveNamingLazysLock()
    {
        // Lazy<T>'s lock is real and outside Coyote's model: a scheduling point inside the factory looks like a deadlock.
        var report = Verifier.Verify(Registry.Find("lazy-task-execution-and-publication"), new Budget(TestSettings.Ci));

        Assert.Multiple(() =>
        {
            Assert.That(report.Properties.Select(p => p.Verdict), Has.None.EqualTo(Verdict.Fail), "The engine's limit must not be blamed on the library.");
            Assert.That(report.Conclusive, Is.False);
            Assert.That(report.AsDeclared, Is.True);
            Assert.That(report.Runs.Select(r => r.Diagnosis), Has.All.Contain("Lazy<T>"));
        });
    }

    [TestCase("dotnext-async-lazy")]
    [TestCase("dotnext-async-lazy-resettable")]
    public void DotNextAsyncLazy_WhoseAssemblyCannotBeRewritten_IsAnEngineFaultNamingTheAssembly(string name)
    {
        var report = Verifier.Verify(Registry.Find(name), new Budget(TestSettings.Ci));

        Assert.Multiple(() =>
        {
            Assert.That(report.Runs.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Inconclusive));
            Assert.That(report.Runs.Select(r => r.Diagnosis), Has.All.StartWith("Engine fault").And.Contain("DotNext.Threading.dll"));
            Assert.That(report.AsDeclared, Is.True, "An engine fault is no finding about the implementation.");
        });
    }

    [Test]
    public void Verify_AfterAnEngineFault_GoesOnWithTheRestOfTheRun()
    {
        var names = new[] { "dotnext-async-lazy", "double-checked" };

        var reports = names.Select(n => Verifier.Verify(Registry.Find(n), new Budget(TestSettings.Ci with { Iterations = 100 }))).ToList();

        Assert.That(reports[1].Properties.Select(p => p.Verdict), Is.All.EqualTo(Verdict.Pass).Or.EqualTo(Verdict.NotApplicable));
    }
}
