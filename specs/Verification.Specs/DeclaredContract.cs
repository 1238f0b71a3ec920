namespace Verification.Specs;

/// <summary>What happens to later calls after an initialization attempt fails.</summary>
public enum FailurePolicy
{
    /// <summary>The failure reaches the callers waiting on that attempt; the next call starts a new attempt.</summary>
    Retry,

    /// <summary>The failure is kept: every later caller gets that same exception and no new attempt starts.</summary>
    Cache,
}

/// <summary>What a caller's cancellation token is allowed to affect.</summary>
public enum CancellationPolicy
{
    /// <summary>Tokens are not accepted or are ignored: a caller waits for the initialization.</summary>
    None,

    /// <summary>A cancelled caller stops waiting at once; the initialization goes on for the others.</summary>
    Caller,

    /// <summary>As <see cref="Caller"/>, and the initialization itself is cancelled once every waiter has cancelled.</summary>
    CallerAbandon,
}

/// <summary>The contract an implementation declares, against which every history is judged.</summary>
/// <param name="Failure">The failure policy.</param>
/// <param name="Cancellation">The cancellation policy.</param>
/// <param name="SupportsReset">Whether the implementation has a reset hook that starts a new epoch.</param>
public sealed record DeclaredContract(FailurePolicy Failure, CancellationPolicy Cancellation, bool SupportsReset)
{
    public override string ToString() =>
        $"failure={Failure.ToString().ToLowerInvariant()}, cancellation={CancellationIds.Id(Cancellation)}, reset={(SupportsReset ? "yes" : "no")}";
}

/// <summary>Spelling of cancellation policies in reports and on the command line.</summary>
public static class CancellationIds
{
    public static string Id(CancellationPolicy policy) => policy switch
    {
        CancellationPolicy.None => "none",
        CancellationPolicy.Caller => "caller",
        CancellationPolicy.CallerAbandon => "caller-abandon",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };
}
