namespace Verification.Specs;

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
