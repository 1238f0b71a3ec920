using System.Reflection;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>
/// How reports and the command line spell the harness's enumerations. Verdicts and "as declared" answers are not here:
/// their words are in <see cref="VerdictSpelling"/>, the one table every writer uses.
/// </summary>
internal static class Names
{
    public static string Kind(ImplementationKind kind) => kind switch
    {
        ImplementationKind.PlantedBug => "planted-bug",
        ImplementationKind.ThirdParty => "third-party",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Why a violation is expected: the documentation a third-party implementation cites, or that it is a planted bug.</summary>
    public static string? ExpectedBecause(Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        if (implementation.ExpectedViolation is null)
        {
            return null;
        }

        return implementation.AdapterType.GetCustomAttribute<DocumentedViolationAttribute>()?.Reason
            ?? (implementation.Kind == ImplementationKind.PlantedBug ? "a planted bug" : null);
    }

    public static string Failure(FailurePolicy failure) => failure.ToString().ToLowerInvariant();

    public static string Strategy(Strategy strategy) => strategy.ToString().ToLowerInvariant();

    /// <summary>What backs an engine's verdicts, kebab-case as the JSON report spells enumerations; null if the report does not say.</summary>
    public static string? Evidence(Evidence? evidence) => evidence switch
    {
        Core.Evidence.Systematic => "systematic",
        Core.Evidence.Generated => "generated",
        Core.Evidence.SampledOnRealThreads => "sampled-on-real-threads",
        _ => null,
    };
}
