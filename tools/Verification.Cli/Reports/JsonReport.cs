using System.Text.Encodings.Web;
using System.Text.Json;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>
/// The JSON report. Its schema is documented in the README and versioned by <see cref="Schema"/>: fields are only ever
/// added; a field that changes meaning gets a new schema version. Names are camelCase, enumerations lowercase and
/// kebab-case as the contract spells them, absent values null.
/// </summary>
internal static class JsonReport
{
    public const string Schema = "verification-report/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // The report is a file, not HTML: keep '->' and quotes in histories readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(VerificationOutcome outcome) => JsonSerializer.Serialize(Build(outcome), Options);

    public static ReportDocument Build(VerificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var options = outcome.Options;
        var settings = options.Budget.Settings;
        return new ReportDocument(
            Schema,
            settings.Seed,
            options.Budget.SeedCount,
            $"{options.Budget.ShardIndex}/{options.Budget.ShardCount}",
            Names.Strategy(settings.Strategy),
            settings.Iterations,
            settings.TimeLimitSeconds,
            settings.MaxSteps,
            [.. options.Engines.Select(e => e.Name)],
            [.. options.Properties.Select(p => p.Id())],
            options.Characterize,
            Seconds(outcome.Elapsed),
            outcome.AsDeclared,
            outcome.Implementations.All(i => i.Conclusive),
            [.. outcome.Implementations.Select(Implementation)]);
    }

    private static ImplementationDocument Implementation(ImplementationOutcome row)
    {
        var implementation = row.Implementation;
        var contract = implementation.Contract;
        return new ImplementationDocument(
            implementation.Name,
            Names.Kind(implementation.Kind),
            implementation.Description,
            new ContractDocument(Names.Failure(contract.Failure), CancellationIds.Id(contract.Cancellation), contract.SupportsReset),
            implementation.ExpectedViolation?.Id(),
            Names.ExpectedBecause(implementation),
            row.Fingerprint is { } f
                ? new FingerprintDocument(
                    f.Failure is { } failure ? Names.Failure(failure) : null,
                    f.Cancellation is { } cancellation ? CancellationIds.Id(cancellation) : null,
                    f.Reset,
                    f.Matches(contract),
                    [.. f.FailureHolds.Select(Names.Failure)],
                    [.. f.CancellationHolds.Select(CancellationIds.Id)],
                    f.Unknown.IsDefault ? [] : f.Unknown,
                    f.Evidence)
                : null,
            row.AsDeclared,
            row.Conclusive,
            row.Iterations,
            Seconds(row.Elapsed),
            [.. row.Properties.SelectMany(row.ResultsFor).Select(r => Result(r.Engine, r.Result))]);
    }

    private static ResultDocument Result(string engine, PropertyResult result)
    {
        var witness = result.Witness;
        return new ResultDocument(
            result.Property.Id(),
            Names.Verdict(result.Verdict),
            engine,
            result.Iterations,
            Seconds(result.Elapsed),
            result.Scenario?.Name,
            result.Scenario?.Text,
            result.Violation?.Reason,
            witness?.TracePath,
            witness?.TracePath is { } trace ? CliCommands.Replay(trace) : null,
            witness?.ReplayCommand,
            result.History,
            result.Cause);
    }

    private static double Seconds(TimeSpan elapsed) => Math.Round(elapsed.TotalSeconds, 3);
}

/// <summary>The top of the JSON report: the budget it ran with, and one entry per implementation.</summary>
internal sealed record ReportDocument(
    string Schema,
    uint Seed,
    int Seeds,
    string Shard,
    string Strategy,
    int Iterations,
    int? TimeLimitSeconds,
    int? MaxSteps,
    IReadOnlyList<string> Engines,
    IReadOnlyList<string> Properties,
    bool Fingerprint,
    double Seconds,
    bool AsDeclared,
    bool Conclusive,
    IReadOnlyList<ImplementationDocument> Implementations);

internal sealed record ImplementationDocument(
    string Name,
    string Kind,
    string Description,
    ContractDocument Declared,
    string? ExpectedViolation,
    string? ExpectedBecause,
    FingerprintDocument? Fingerprint,
    bool? AsDeclared,
    bool Conclusive,
    int Iterations,
    double Seconds,
    IReadOnlyList<ResultDocument> Results);

internal sealed record ContractDocument(string Failure, string Cancellation, bool Reset);

internal sealed record FingerprintDocument(
    string? Failure,
    string? Cancellation,
    bool? Reset,
    bool MatchesDeclared,
    IReadOnlyList<string> FailureHolds,
    IReadOnlyList<string> CancellationHolds,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Evidence);

internal sealed record ResultDocument(
    string Property,
    string Verdict,
    string Engine,
    int Iterations,
    double Seconds,
    string? Scenario,
    string? ScenarioText,
    string? Violation,
    string? Trace,
    string? Replay,
    string? ReplayWithCoyote,
    string? History,
    string? Cause);
