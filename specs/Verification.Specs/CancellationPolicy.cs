namespace Verification;

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
