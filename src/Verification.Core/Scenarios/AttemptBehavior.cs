using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>What an initialization attempt does.</summary>
public enum AttemptBehavior
{
    Succeed,
    Fail,

    /// <summary>Waits until the token the implementation passed in is cancelled (or the harness releases it at the end).</summary>
    Hang,
}
