using System.Text.Json;
using Verification.Cli;
using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// Third-party async lazies judged against their documentation, by the engine verify runs: where the documentation promises
/// the contract the library passes; where it promises less, the property it does not promise is the one that fails; where
/// Coyote cannot judge, the verdict says so and names why, never blaming the library.
/// </summary>
public sealed class ThirdPartyTests
{
    private static EngineReport Verify(string name, RunSettings settings) =>
        new CoyoteEngine().Verify(Registry.Find(name), new VerificationRequest(new Budget(settings), [.. PropertyIds.All], Characterize: false));

    private static string Describe(EngineReport report) =>
        string.Join(Environment.NewLine, report.Results.Select(r => $"{r.Property.Id()}: {r.Verdict} {r.Violation} {r.Cause}"));

    [TestCase("nito-async-lazy")]
    [TestCase("nito-async-lazy-retry")]
    public void NitoAsyncLazy_EveryScenario_PassesWithNothingUncontrolled(string name)
    {
        var report = Verify(name, TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(report.Results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass).Or.EqualTo(Verdict.NotApplicable), () => Describe(report));
            Assert.That(report.Uncontrolled, Is.Empty);
        });
    }

    [Test]
    public void LazyTaskPublicationOnly_ConcurrentGet_StartsASecondInitialization()
    {
        // Documented: "all threads are allowed to run the initialization method"; only the first value is published.
        var result = Exploration.Run(Registry.Find("lazy-task-publication-only"), StandardScenarios.ConcurrentGet, TestSettings.Ci);
        TestSettings.Attach(result);

        Assert.That(result.Violations.Select(v => v.Property), Does.Contain(Property.Once), result.Describe);
    }

    [Test]
    public void LazyTaskNone_ConcurrentGet_ACallerGetsAnExceptionNoInitializationThrew()
    {
        // Documented: "not thread safe; if the instance is accessed from multiple threads, its behavior is undefined".
        var result = Exploration.Run(Registry.Find("lazy-task-none"), StandardScenarios.ConcurrentGet, TestSettings.Ci);
        TestSettings.Attach(result);

        Assert.Multiple(() =>
        {
            Assert.That(result.Violates(Property.Failure), result.Describe);
            Assert.That(result.Violations.Single(v => v.Property == Property.Failure).Reason, Does.Contain(nameof(InvalidOperationException)));
        });
    }

    [Test]
    public void LazyTaskExecutionAndPublication_EveryScenario_Passes()
    {
        // Lazy<T>'s lock lives in the runtime library, which Coyote does not rewrite; the harness's model of Lazy<T> takes
        // a controlled lock instead, so a caller blocked on it is seen by the scheduler (it was a false "potential deadlock").
        var report = Verify("lazy-task-execution-and-publication", TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(report.Results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass).Or.EqualTo(Verdict.NotApplicable), () => Describe(report));
            Assert.That(report.Uncontrolled, Is.Empty);
        });
    }

    [TestCase("dotnext-async-lazy")]
    [TestCase("dotnext-async-lazy-resettable")]
    public void DotNextAsyncLazy_WhoseAssemblyCannotBeRewritten_IsAnEngineFaultNamingTheAssembly(string name)
    {
        var report = Verify(name, TestSettings.Ci);
        var judged = report.Results.Where(r => r.Verdict != Verdict.NotApplicable).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(judged.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Inconclusive), "An engine fault is no finding about the implementation.");
            Assert.That(judged.Select(r => r.Cause), Has.All.StartWith("Engine fault").And.Contain("DotNext.Threading.dll"));
        });
    }

    [Test]
    public void VsThreadingAsyncLazy_EveryScenario_IsInconclusiveNamingTheContinuationsCoyoteDoesNotControl()
    {
        // The library resumes its factory wrapper through ConfigureAwaitRunInline, a Task.ContinueWith Coyote 1.7.11 does not
        // control: no violation was seen, and a clean run over uncontrolled continuations proves nothing.
        var report = Verify("vs-threading-async-lazy", TestSettings.Ci);
        var judged = report.Results.Where(r => r.Verdict != Verdict.NotApplicable).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(judged.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Inconclusive), () => Describe(report));
            Assert.That(judged.Select(r => r.Cause), Has.All.Contain("Task.ContinueWith"));
        });
    }

    [Test]
    public void BitFasterAtomicAsyncLru_EveryScenario_PassesWithNothingUncontrolled()
    {
        // AsyncAtomicFactory: one factory per key under a lock, failure retried; TryRemove starts a new epoch.
        var report = Verify("bitfaster-atomic-async-lru", TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(report.Results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass), () => Describe(report));
            Assert.That(report.Uncontrolled, Is.Empty);
        });
    }

    [Test]
    public void MemoryCacheGetOrCreate_ConcurrentMisses_EachRunTheFactoryAndCallersGetDifferentInstances()
    {
        // Documented: GetOrCreateAsync takes no lock; concurrent misses each run the factory (dotnet/runtime#36499).
        var report = Verify("memory-cache-get-or-create", TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(report.VerdictOf(Property.Once), Is.EqualTo(Verdict.Fail), () => Describe(report));
            Assert.That(report.VerdictOf(Property.Same), Is.EqualTo(Verdict.Fail), () => Describe(report));
            Assert.That(new[] { Property.Published, Property.Failure, Property.Cancel, Property.Live }.Select(report.VerdictOf),
                Is.All.EqualTo(Verdict.Pass), () => Describe(report));
        });
    }

    [Test]
    public void FusionCacheGetOrSet_ACallerCancelsTheFactoryItRuns_TheNextWaiterStartsAnotherWhileItStillRuns()
    {
        // Documented: a caller's token cancels "the provided factory method itself". The caller that runs the factory stops
        // waiting for it at once and releases the per-key lock, so the next waiter starts a factory of its own while the
        // cancelled one has not ended yet (a real overlap: Task.Delay(Infinite, token) is modelled, it ends only when cancelled).
        var report = Verify("fusion-cache-get-or-set", TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(report.VerdictOf(Property.Once), Is.EqualTo(Verdict.Fail), () => Describe(report));
            Assert.That(new[] { Property.Same, Property.Published, Property.Failure, Property.Cancel, Property.Live }.Select(report.VerdictOf),
                Is.All.EqualTo(Verdict.Pass), () => Describe(report));
        });
    }

    [Test]
    public async Task Verify_AfterAnEngineFault_GoesOnWithTheRestOfTheRun()
    {
        var output = Path.Combine(TestContext.CurrentContext.WorkDirectory, "engine-fault-then-more");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(
            ["verify", "--impl", "dotnext-async-lazy,double-checked", "--iterations", "100", "--no-fingerprint", "--out", output], stdout, stderr, interactive: false);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var rows = json.RootElement.GetProperty("implementations").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        string[] Verdicts(string name) => [.. rows[name].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("verdict").GetString()!)];

        // Its cells are inconclusive, so the run passes only if its adapter accepts that.
        var expected = Registry.Find("dotnext-async-lazy").AcceptsInconclusive is null ? CommandLine.InconclusiveNotAccepted : CommandLine.AsDeclared;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(expected), stderr.ToString());
            Assert.That(Verdicts("dotnext-async-lazy"), Is.All.EqualTo("inconclusive").Or.EqualTo("n/a"));
            Assert.That(Verdicts("double-checked"), Is.All.EqualTo("pass").Or.EqualTo("n/a"), "the implementation after the engine fault is still verified");
        });
    }
}
