using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>When, if at all, the harness cancels the token of a get.</summary>
public enum CancelTiming
{
    /// <summary>The token is never cancelled.</summary>
    Never,

    /// <summary>The token is already cancelled when the get is called.</summary>
    Before,

    /// <summary>The token is cancelled at a point the scheduler chooses (before, during or after the call).</summary>
    During,
}
