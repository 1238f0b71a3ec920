using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>What a run of one implementation through one scenario found.</summary>
public sealed record RunResult(
    Implementation Implementation,
    Scenario Scenario,
    RunSettings Settings,
    Verdict Verdict,
    ImmutableArray<Violation> Violations,
    int Iterations,
    TimeSpan Elapsed,
    string? TracePath,
    string? History,
    string? ReplayCommand,
    ImmutableArray<string> Uncontrolled,
    string? Diagnosis)
{
    /// <summary>True if this was a replay whose schedule did not follow its trace: the trace belongs to another build or case.</summary>
    public bool TraceMismatch { get; init; }

    /// <summary>True if Coyote stopped the iteration itself (a deadlock, the step bound) and the history is partial.</summary>
    public bool InStoppedIteration { get; init; }

    public bool Violates(Property property) => Violations.Any(v => v.Property == property);

    /// <summary>The full failure text a person reads: what broke, the history, and how to replay it.</summary>
    /// <remarks>Laid out by <see cref="FailureText"/>, the layout the command line also prints its failures in.</remarks>
    public string Describe() => FailureText.Of(this).ToString();
}
