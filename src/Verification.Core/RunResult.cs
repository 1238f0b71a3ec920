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

    public bool Violates(Property property) => Violations.Any(v => v.Property == property);

    /// <summary>The full failure text a person reads: what broke, the history, and how to replay it.</summary>
    public string Describe()
    {
        var lines = new List<string>
        {
            $"{Implementation.Name} ({Implementation.Contract}) on scenario {Scenario}: {VerdictSpelling.Of(Verdict).Run} after {Iterations} iteration(s), {Settings}.",
        };
        lines.AddRange(Violations.Select(v => $"  {v}"));
        if (Diagnosis is not null)
        {
            lines.Add($"  {Diagnosis}");
        }

        if (!Uncontrolled.IsEmpty)
        {
            lines.Add($"  Uncontrolled by Coyote: {string.Join(", ", Uncontrolled)}");
        }

        if (History is not null)
        {
            lines.Add(string.Empty);
            lines.Add(History);
        }

        if (TracePath is not null)
        {
            lines.Add($"Trace: {TracePath}");
        }

        if (ReplayCommand is not null && TracePath is not null)
        {
            lines.Add($"Replay with Coyote:      {ReplayCommand}");
            lines.Add($"Replay with dotnet test: {ReplayCommands.DotnetTest(new VerificationCase(Implementation, Scenario), TracePath)}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
