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
    /// <summary>
    /// Why the implementation accepts an inconclusive verdict, as its adapter declares with
    /// <see cref="AcceptsInconclusiveAttribute"/>; null if it does not, and then an inconclusive cell keeps it from passing.
    /// </summary>
    public string? AcceptsInconclusive { get; init; }

    public SingletonAdapter CreateAdapter() => (SingletonAdapter)Activator.CreateInstance(AdapterType)!;

    public override string ToString() => Name;
}
