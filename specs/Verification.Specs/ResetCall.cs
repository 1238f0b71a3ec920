using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>A reset seen as an interval of the history.</summary>
public sealed record ResetCall(int Caller, int Start, int? End);
