using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// One combination of the policies a contract chooses between: failure (retry or cache) and cancellation (none, caller or
/// caller-abandon). Characterizing an implementation judges every history against every variant.
/// </summary>
public readonly record struct ContractVariant(FailurePolicy Failure, CancellationPolicy Cancellation)
{
    /// <summary>Every variant, failure policy first, in the order the enums declare them.</summary>
    public static ImmutableArray<ContractVariant> All { get; } =
        [.. from failure in Enum.GetValues<FailurePolicy>() from cancellation in Enum.GetValues<CancellationPolicy>() select new ContractVariant(failure, cancellation)];

    public static ContractVariant Of(DeclaredContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new(contract.Failure, contract.Cancellation);
    }

    /// <summary>The variant as a contract to judge with. The oracles do not read the reset flag; it is kept for display.</summary>
    public DeclaredContract ToContract(bool supportsReset) => new(Failure, Cancellation, supportsReset);

    public override string ToString() => $"failure={Failure.ToString().ToLowerInvariant()}, cancellation={CancellationIds.Id(Cancellation)}";
}
