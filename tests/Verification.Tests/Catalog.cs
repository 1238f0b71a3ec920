using Verification.Core;

namespace Verification.Tests;

/// <summary>Test sources over the registry: a new implementation gets the whole matrix with no edit here.</summary>
public static class Catalog
{
    /// <summary>Implementations written for this harness that must pass outright. Third-party ones are judged against their
    /// documentation, one by one, in <see cref="ThirdPartyTests"/>.</summary>
    public static IEnumerable<Implementation> ExpectedToPass() =>
        Registry.All.Where(i => i.ExpectedViolation is null && i.Kind != ImplementationKind.ThirdParty);

    public static IEnumerable<Implementation> PlantedBugs() => Registry.All.Where(i => i.ExpectedViolation is not null);

    public static IEnumerable<TestCaseData> ExpectedToPassByScenario() =>
        from implementation in ExpectedToPass()
        from scenario in StandardScenarios.For(implementation)
        select new TestCaseData(implementation, scenario).SetArgDisplayNames(implementation.Name, scenario.Name);

    public static IEnumerable<TestCaseData> PlantedBugsUnderEachStrategy() =>
        from bug in PlantedBugs()
        from strategy in new[] { Strategy.Portfolio, Strategy.Random }
        select new TestCaseData(bug, strategy).SetArgDisplayNames(bug.Name, strategy.ToString().ToLowerInvariant());
}
