using Verification.Specs;

namespace Verification.Cli.Reports;

/// <summary>A property a failure violates, and why in words.</summary>
internal sealed record ViolationView(Property Property, string Reason);
