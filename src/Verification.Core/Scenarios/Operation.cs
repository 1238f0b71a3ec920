using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>One operation of a caller: a get (maybe cancelled, maybe given a cancellable token it never cancels) or a reset.</summary>
public sealed record Operation(bool IsReset, CancelTiming Cancel = CancelTiming.Never)
{
    public static Operation Get { get; } = new(false);

    public static Operation GetCanceledDuring { get; } = new(false, CancelTiming.During);

    public static Operation GetCanceledBefore { get; } = new(false, CancelTiming.Before);

    public static Operation GetWithCancellableToken { get; } = new(false, CancelTiming.NeverButCancellable);

    public static Operation ResetOp { get; } = new(true);

    /// <summary>True for a get whose token the harness cancels, before or during the call.</summary>
    public bool IsCancelledGet => !IsReset && Cancel is CancelTiming.Before or CancelTiming.During;

    /// <summary>True for a get given a cancellable token rather than <see cref="CancellationToken.None"/>, cancelled or not.</summary>
    public bool PassesCancellableToken => !IsReset && Cancel != CancelTiming.Never;

    public override string ToString() => IsReset ? "reset" : Cancel switch
    {
        CancelTiming.During => "get~cancel",
        CancelTiming.Before => "get~cancelled",
        CancelTiming.NeverButCancellable => "get~cancellable",
        _ => "get",
    };
}
