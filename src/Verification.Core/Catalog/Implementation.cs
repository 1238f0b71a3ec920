using System.Diagnostics;
using Verification.Specs;

namespace Verification.Core;

/// <summary>A registered implementation: its adapter type and everything it declares.</summary>
[DebuggerDisplay("{Name,nq}")]
public sealed record Implementation(
    string Name,
    Type AdapterType,
    ImplementationKind Kind,
    DeclaredContract Contract,
    Property? ExpectedViolation,
    string Description)
{
    public SingletonAdapter CreateAdapter() => (SingletonAdapter)Activator.CreateInstance(AdapterType)!;

    public override string ToString() => Name;
}
