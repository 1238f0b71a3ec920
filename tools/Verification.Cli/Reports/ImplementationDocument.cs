namespace Verification.Cli.Reports;

/// <summary>One implementation in the JSON report: what it declares, what was seen, and every engine's result.</summary>
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
    string? AcceptsInconclusive,
    int Iterations,
    double Seconds,
    IReadOnlyList<ResultDocument> Results);
