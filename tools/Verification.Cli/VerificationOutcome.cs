using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>The whole verify run: what was asked and what every implementation came to.</summary>
internal sealed record VerificationOutcome(VerifyOptions Options, ImmutableArray<ImplementationOutcome> Implementations, TimeSpan Elapsed)
{
    /// <summary>True if no implementation contradicts what it declares.</summary>
    public bool AsDeclared => Implementations.All(i => i.AsDeclared != false);
}
