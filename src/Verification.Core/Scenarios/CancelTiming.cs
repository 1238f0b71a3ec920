using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>When, if at all, the harness cancels the token of a get, and whether the get is given a cancellable token at all.</summary>
public enum CancelTiming
{
    /// <summary>The get is never cancelled, so it is given <see cref="CancellationToken.None"/>, as callers that never cancel pass.</summary>
    Never,

    /// <summary>The token is already cancelled when the get is called.</summary>
    Before,

    /// <summary>The token is cancelled at a point the scheduler chooses (before, during or after the call).</summary>
    During,

    /// <summary>
    /// The get is given a cancellable token that is never cancelled: its own scenario, since code may take another path
    /// for a token that <see cref="CancellationToken.CanBeCanceled"/>. To the oracles it is a get whose token was not
    /// cancelled, like <see cref="Never"/>.
    /// </summary>
    NeverButCancellable,
}
