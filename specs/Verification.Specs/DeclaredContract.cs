namespace Verification.Specs;

/// <summary>The contract an implementation declares, against which every history is judged.</summary>
/// <param name="Failure">The failure policy.</param>
/// <param name="Cancellation">The cancellation policy.</param>
/// <param name="SupportsReset">Whether the implementation has a reset hook that starts a new epoch.</param>
public sealed record DeclaredContract(FailurePolicy Failure, CancellationPolicy Cancellation, bool SupportsReset)
{
    public override string ToString() =>
        $"failure={Failure.ToString().ToLowerInvariant()}, cancellation={CancellationIds.Id(Cancellation)}, reset={(SupportsReset ? "yes" : "no")}";
}
