namespace Verification.Models;

/// <summary>The one conversion every model with a timeout or delay needs, with the real APIs' argument checks.</summary>
internal static class Timeouts
{
    /// <summary><paramref name="timeout"/> in milliseconds; <see cref="Timeout.InfiniteTimeSpan"/> is <see cref="Timeout.Infinite"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below -1 ms or above <see cref="int.MaxValue"/> ms, as the real APIs refuse.</exception>
    public static int Milliseconds(TimeSpan timeout)
    {
        var milliseconds = (long)timeout.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, Timeout.Infinite, nameof(timeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, int.MaxValue, nameof(timeout));
        return (int)milliseconds;
    }
}
