using System.Collections.Immutable;

namespace Verification.Core;

/// <summary>What Coyote did not control: seen at run time, or found in the implementation's code by <see cref="UncontrolledApiScan"/>.</summary>
internal sealed class Uncontrolled(IEnumerable<string> atRunTime, ImmutableArray<string> inCode)
{
    // Reads of the clock, GUIDs and random numbers make data nondeterministic but add no concurrency.
    private static readonly string[] DataSources = ["System.DateTime", "System.DateTimeOffset", "System.Guid", "System.Random", "System.Environment", "System.Diagnostics.Stopwatch"];

    public ImmutableArray<string> All { get; } = [.. atRunTime.Concat(inCode).Distinct().Order(StringComparer.Ordinal)];

    public ImmutableArray<string> Concurrency => [.. All.Where(api => !IsData(api))];

    public string? DataNote => DataNoteOf(All);

    /// <summary>Why a witnessed history may not replay exactly, or null if Coyote controlled everything.</summary>
    public string? ReplayNote => All.IsEmpty
        ? null
        : $"Coyote also saw what it does not control ({string.Join("; ", All)}), so replaying the trace may not reproduce this history exactly.";

    public static Uncontrolled Of(Microsoft.Coyote.SystematicTesting.TestReport report, Implementation implementation) =>
        new(report.UncontrolledInvocations, UncontrolledApiScan.Find(implementation.AdapterType));

    /// <summary>The note a clean run carries when Coyote saw only uncontrolled data nondeterminism in <paramref name="all"/>.</summary>
    public static string? DataNoteOf(IReadOnlyCollection<string> all) => all.Count == 0
        ? null
        : $"Coyote saw uncontrolled data nondeterminism ({string.Join("; ", all)}); it adds no concurrency, but a replay may differ.";

    private static bool IsData(string api) => DataSources.Any(source => api.StartsWith(source, StringComparison.Ordinal));
}
