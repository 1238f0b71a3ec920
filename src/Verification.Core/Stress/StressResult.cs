using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>What the stress engine saw: how often a scenario broke the contract on the real thread pool, and the first break.</summary>
/// <param name="Implementation">The implementation.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Settings">The settings of the run.</param>
/// <param name="Repetitions">How many repetitions ran.</param>
/// <param name="Failures">How many of them violated some property (hung ones included).</param>
/// <param name="Hangs">How many did not complete within the timeout.</param>
/// <param name="ViolationCounts">Per property, how many repetitions violated it.</param>
/// <param name="FirstFailure">The 1-based number of the first failing repetition, if any.</param>
/// <param name="FirstViolations">What the first failing repetition violated.</param>
/// <param name="FirstHistory">The history table of the first failing repetition.</param>
/// <param name="Diagnosis">Why no repetition could run (the implementation could not be built), if so.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record StressResult(
    Implementation Implementation,
    Scenario Scenario,
    StressSettings Settings,
    int Repetitions,
    int Failures,
    int Hangs,
    ImmutableSortedDictionary<Property, int> ViolationCounts,
    int? FirstFailure,
    ImmutableArray<Violation> FirstViolations,
    string? FirstHistory,
    string? Diagnosis,
    TimeSpan Elapsed)
{
    /// <summary>Fail if any repetition violated a property or the implementation could not even be built; a clean stress run is a pass that proves little.</summary>
    public Verdict Verdict => Diagnosis is not null || Failures > 0 ? Verdict.Fail : Verdict.Pass;

    /// <summary>The share of repetitions that violated a property: the stress engine's detection rate.</summary>
    public double DetectionRate => Repetitions == 0 ? 0 : (double)Failures / Repetitions;

    /// <summary>
    /// What Coyote does not control in the implementation's own code (<see cref="UncontrolledApiScan"/>), if anything: the
    /// stress engine is then the only one that exercised it, and its result says so.
    /// </summary>
    public ImmutableArray<string> Uncontrolled { get; init; } = [];

    /// <summary>What the result says about <see cref="Uncontrolled"/>, or null if Coyote controls everything the implementation calls.</summary>
    public string? UncontrolledNote => Uncontrolled.IsDefaultOrEmpty
        ? null
        : $"Coyote does not control {string.Join("; ", Uncontrolled)}: only the stress engine exercised it, on real threads, which proves less than systematic exploration.";

    /// <summary>Repetitions whose history showed the engine rather than the implementation (<see cref="EngineArtefacts"/>), not judged.</summary>
    public int Unjudged { get; init; }

    /// <summary>Why the first unjudged repetition was not judged, or null if every repetition was.</summary>
    public string? UnjudgedCause { get; init; }

    public bool Violates(Property property) => ViolationCounts.ContainsKey(property);

    public string Describe()
    {
        var rate = DetectionRate.ToString("0.0%", CultureInfo.InvariantCulture);
        var seconds = Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var counts = ViolationCounts.IsEmpty ? string.Empty : $" ({string.Join(", ", ViolationCounts.Select(kv => $"{kv.Key.Id()} {kv.Value}"))})";
        var lines = new List<string>
        {
            $"{Implementation.Name} ({Implementation.Contract}) on scenario {Scenario}: {VerdictSpelling.Of(Verdict).Run} under stress: " +
            $"{Failures} of {Repetitions} repetitions ({rate}) violated a property{counts}, {Hangs} hung; {seconds} s, {Settings}.",
        };
        if (Diagnosis is not null)
        {
            lines.Add($"  {Diagnosis}");
        }

        if (UnjudgedCause is not null)
        {
            lines.Add($"  {Unjudged} repetition(s) not judged: {UnjudgedCause}");
        }

        if (UncontrolledNote is { } note)
        {
            lines.Add($"  {note}");
        }

        if (FirstFailure is int first)
        {
            lines.Add($"  First failing repetition: #{first}.");
            lines.AddRange(FirstViolations.Select(v => $"  {v}"));
            lines.Add(string.Empty);
            lines.Add(FirstHistory ?? string.Empty);
            lines.Add("Stress runs follow the real thread pool's timing and cannot be replayed step by step; run the same scenario under Coyote " +
                      $"to get a replayable trace: VERIFICATION_CASE='{new VerificationCase(Implementation, Scenario).Text}'.");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
