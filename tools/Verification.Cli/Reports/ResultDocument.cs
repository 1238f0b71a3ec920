namespace Verification.Cli.Reports;

/// <summary>One engine's result on one property in the JSON report.</summary>
/// <remarks>
/// Fields are only ever appended (schema <c>verification-report/1</c>): <see cref="Evidence"/>, what backs the engine's
/// verdict (<c>systematic</c>, <c>generated</c>, <c>sampled-on-real-threads</c>), came after <see cref="Cause"/>.
/// </remarks>
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
    string? Cause,
    string? Evidence);
