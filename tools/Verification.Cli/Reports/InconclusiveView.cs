using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>Properties of one implementation that no engine could judge, for one cause: the cause is read once.</summary>
internal sealed record InconclusiveView(string Implementation, ImmutableArray<Property> Properties, string Cause)
{
    public string PropertyIds => string.Join(", ", Properties.Select(p => p.Id()));
}
