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

    public static string Serialize(VerificationOutcome outcome) => Serialize(ReportModel.Of(outcome));

    public static string Serialize(ReportModel model) => JsonSerializer.Serialize(Build(model), Options);

    public static ReportDocument Build(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var budget = model.Budget;
        var settings = budget.Settings;
        return new ReportDocument(
            Schema,
            settings.Seed,
            budget.SeedCount,
            $"{budget.ShardIndex}/{budget.ShardCount}",
            Names.Strategy(settings.Strategy),
            settings.Iterations,
            settings.TimeLimitSeconds,
            settings.MaxSteps,
            model.Engines,
            [.. model.Properties.Select(p => p.Id())],
            model.Fingerprinted,
            Seconds(model.Elapsed),
            model.AsDeclared,
            model.Conclusive,
            model.InconclusiveNotAccepted,
            [.. model.Rows.Select(Implementation)]);
    }

    private static ImplementationDocument Implementation(RowView row)
    {
        var implementation = row.Implementation;
        var contract = implementation.Contract;
        return new ImplementationDocument(
            implementation.Name,
            Names.Kind(implementation.Kind),
            implementation.Description,
            new ContractDocument(Names.Failure(contract.Failure), CancellationIds.Id(contract.Cancellation), contract.SupportsReset),
            implementation.ExpectedViolation?.Id(),
            row.ExpectedBecause,
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
            row.AcceptsInconclusive,
            row.Iterations,
            Seconds(row.Elapsed),
            [.. row.Results.Select(Result)]);
    }

    private static ResultDocument Result(EngineResultView result) => new(
        result.Property.Id(),
        VerdictSpelling.Of(result.Verdict).Key,
        result.Engine,
        result.Iterations,
        Seconds(result.Elapsed),
        result.Scenario?.Name,
        result.Scenario?.Text,
        result.Violation?.Reason,
        result.Replay?.TracePath,
        result.Replay?.InProcess,
        result.Replay?.WithCoyote,
        result.History,
        result.Cause,
        Names.Evidence(result.Evidence));

    private static double Seconds(TimeSpan elapsed) => Math.Round(elapsed.TotalSeconds, 3);
}
