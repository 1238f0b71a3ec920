using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>How hard the stress engine hammers one scenario.</summary>
/// <param name="Repetitions">How many times the scenario runs, each on a fresh subject.</param>
/// <param name="TimeoutSeconds">How long one repetition may take before it counts as hung (LIVE); its partial history is judged.</param>
/// <param name="MaxHangs">Stop after this many hung repetitions: each may leave threads blocked behind it, so more would only slow the rest.</param>
/// <param name="TimeLimitSeconds">If set, stop starting repetitions after this long.</param>
/// <param name="StopAtFirstFailure">Stop at the first repetition that violates a property, instead of measuring how often they do.</param>
public sealed record StressSettings(
    int Repetitions = 1000,
    double TimeoutSeconds = 2,
    int MaxHangs = 1,
    double? TimeLimitSeconds = null,
    bool StopAtFirstFailure = false)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Repetitions} repetitions, {TimeoutSeconds} s each at most, on the real thread pool");
}
