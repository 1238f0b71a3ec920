using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>Properties of one implementation that one run shows failing: one trace, one history, one replay.</summary>
/// <param name="Implementation">The implementation that failed.</param>
/// <param name="Engine">The engine whose run it is.</param>
/// <param name="Evidence">What backs that engine's verdicts.</param>
/// <param name="Results">The failed properties, in property order.</param>
internal sealed record FailureGroup(Implementation Implementation, string Engine, Evidence Evidence, ImmutableArray<PropertyResult> Results)
{
    public PropertyResult First => Results[0];

    public string PropertyIds => string.Join(", ", Results.Select(r => r.Property.Id()));
}
