using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>The script of one initialization attempt: its behaviour after a number of awaits (scheduling points).</summary>
public sealed record AttemptScript(AttemptBehavior Behavior, int Awaits = 1)
{
    public static AttemptScript Ok(int awaits = 1) => new(AttemptBehavior.Succeed, awaits);

    public static AttemptScript Fail(int awaits = 1) => new(AttemptBehavior.Fail, awaits);

    public static AttemptScript Hang { get; } = new(AttemptBehavior.Hang, 0);

    public override string ToString() => Behavior switch
    {
        AttemptBehavior.Hang => "hang",
        AttemptBehavior.Fail => $"fail:{Awaits}",
        _ => $"ok:{Awaits}",
    };
}
