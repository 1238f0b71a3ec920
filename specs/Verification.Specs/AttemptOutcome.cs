using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>How an initialization attempt ended.</summary>
public enum AttemptOutcome
{
    Pending,
    Succeeded,
    Failed,
    Canceled,
    Released,
}
