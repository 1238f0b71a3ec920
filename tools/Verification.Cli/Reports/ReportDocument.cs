namespace Verification.Cli.Reports;

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
    IReadOnlyList<string> InconclusiveNotAccepted,
    IReadOnlyList<ImplementationDocument> Implementations);
