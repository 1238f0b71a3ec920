namespace Verification.Cli.Reports;

/// <summary>A declared contract in the JSON report, spelled as the contract spells its policies.</summary>
internal sealed record ContractDocument(string Failure, string Cancellation, bool Reset);
