using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>How a get call ended.</summary>
public enum CallOutcome
{
    /// <summary>Still running when the history was taken.</summary>
    Pending,
    Returned,
    Threw,
    Canceled,
}
