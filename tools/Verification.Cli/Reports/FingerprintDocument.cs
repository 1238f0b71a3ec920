namespace Verification.Cli.Reports;

/// <summary>A fingerprint in the JSON report: what was seen, what held, and the evidence.</summary>
internal sealed record FingerprintDocument(
    string? Failure,
    string? Cancellation,
    bool? Reset,
    bool MatchesDeclared,
    IReadOnlyList<string> FailureHolds,
    IReadOnlyList<string> CancellationHolds,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Evidence);
