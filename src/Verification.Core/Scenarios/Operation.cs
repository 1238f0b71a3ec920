using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>One operation of a caller: a get (maybe cancelled) or a reset.</summary>
public sealed record Operation(bool IsReset, CancelTiming Cancel = CancelTiming.Never)
{
    public static Operation Get { get; } = new(false);

    public static Operation GetCanceledDuring { get; } = new(false, CancelTiming.During);

    public static Operation GetCanceledBefore { get; } = new(false, CancelTiming.Before);

    public static Operation ResetOp { get; } = new(true);

    public override string ToString() => IsReset ? "reset" : Cancel switch
    {
        CancelTiming.During => "get~cancel",
        CancelTiming.Before => "get~cancelled",
        _ => "get",
    };
}
