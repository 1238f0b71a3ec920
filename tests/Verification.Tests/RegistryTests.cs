using Verification.Core;
using Verification.Tests.Fixtures;

namespace Verification.Tests;

/// <summary>Discovery: it finds the implementations beside the harness, and reports an assembly it cannot load rather than dropping it.</summary>
public sealed class RegistryTests
{
    private string _scratch = string.Empty;

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("verification-registry-").FullName;

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void Discovered_BesideTheHarness_LoadsEveryImplementationAssembly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Registry.LoadFailures, Is.Empty);
            Assert.That(Registry.All.Select(i => i.Name), Does.Contain("double-checked").And.Contain("no-lock"));
        });
    }

    [Test]
    public void Discover_AnAssemblyWhoseDependencyIsMissing_ReportsItNamingTheDependency()
    {
        var file = UnloadableImplementation.WriteWithMissingDependency(_scratch);

        var discovery = Registry.Discover(_scratch);

        Assert.Multiple(() =>
        {
            Assert.That(discovery.Implementations, Is.Empty);
            Assert.That(discovery.LoadFailures.Select(f => f.AssemblyFile), Is.EqualTo(new[] { file }));
            Assert.That(discovery.LoadFailures[0].Reason, Does.Contain($"'{UnloadableImplementation.MissingDependency}, Version="));
            Assert.That(discovery.LoadFailures[0].Reason, Does.Not.Contain('\n'), "one line");
        });
    }

    [Test]
    public void Discover_AnAssemblyBuiltAgainstAnotherHarness_ReportsTheMemberItLacks()
    {
        var file = UnloadableImplementation.WriteWithoutCreate(_scratch);

        var discovery = Registry.Discover(_scratch);

        Assert.Multiple(() =>
        {
            Assert.That(discovery.Implementations, Is.Empty);
            Assert.That(discovery.LoadFailures.Select(f => f.AssemblyFile), Is.EqualTo(new[] { file }));
            Assert.That(discovery.LoadFailures[0].Reason, Does.Contain(nameof(SingletonAdapter.Create)));
        });
    }

    [Test]
    public void Find_AnImplementationWhoseAssemblyDidNotLoad_SaysWhichAssembliesDidNot()
    {
        var file = UnloadableImplementation.WriteWithMissingDependency(_scratch);
        var discovery = Registry.Discover(_scratch);

        Assert.That(() => discovery.Find("broken"), Throws.ArgumentException.With.Message.Contains($"Not loaded: {file}."));
    }
}
