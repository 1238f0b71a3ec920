namespace Verification.Core;

/// <summary>Reads Coyote's bug reports.</summary>
public static class CoyoteStop
{
    /// <summary>What kind of stop <paramref name="bug"/>, a bug report of Coyote's, describes.</summary>
    public static CoyoteStopKind Classify(string bug)
    {
        ArgumentNullException.ThrowIfNull(bug);
        return bug.Contains("Potential deadlock", StringComparison.OrdinalIgnoreCase) ? CoyoteStopKind.PotentialDeadlock
            : bug.Contains("previous test iteration", StringComparison.OrdinalIgnoreCase) ? CoyoteStopKind.StaticStateLeak
            : bug.Contains("steps bound", StringComparison.OrdinalIgnoreCase) || bug.Contains("max-steps", StringComparison.OrdinalIgnoreCase) ? CoyoteStopKind.StepBound
            : bug.Contains("deadlock", StringComparison.OrdinalIgnoreCase) ? CoyoteStopKind.Deadlock
            : CoyoteStopKind.Other;
    }

    /// <summary>True if <paramref name="bug"/> is Coyote's report of a hang it cannot tell from a wait on something it does not control.</summary>
    public static bool IsPotentialDeadlock(string bug) => Classify(bug) == CoyoteStopKind.PotentialDeadlock;

    /// <summary>The LIVE cause for a stop that leaves callers waiting, or null for a stop that says nothing about LIVE.</summary>
    internal static string? LiveCause(CoyoteStopKind kind, string bug) => kind switch
    {
        CoyoteStopKind.Deadlock => $"Coyote: {FirstLine(bug)}",
        CoyoteStopKind.StepBound =>
            $"the run did not finish within Coyote's step bound ({FirstLine(bug)}): a livelock, or a spin-wait that only an unfair schedule starves (try --strategy portfolio). " +
            "Replay it with dotnet test: coyote replay stops at the bound without calling it a bug.",
        _ => null,
    };

    internal static string StaticStateLeakCause(string bug) =>
        $"Static state leaks from one iteration into the next ({FirstLine(bug)}). Clear it in the adapter's ResetStaticState, which runs first in every iteration.";

    internal static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
