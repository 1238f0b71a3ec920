using System.Collections.Immutable;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>The whole verify run: what was asked and what every implementation came to.</summary>
internal sealed record VerificationOutcome(VerifyOptions Options, ImmutableArray<ImplementationOutcome> Implementations, TimeSpan Elapsed)
{
    /// <summary>True if no implementation contradicts what it declares.</summary>
    public bool AsDeclared => Implementations.All(i => i.AsDeclared != false);

    /// <summary>True if some implementation has inconclusive cells and does not declare that it accepts them.</summary>
    public bool InconclusiveNotAccepted => Implementations.Any(i => i.InconclusiveNotAccepted);

    /// <summary>
    /// The exit code of <c>verify</c>: a contradiction first (<see cref="CommandLine.NotAsDeclared"/>), then an implementation
    /// nothing contradicts but whose inconclusive cells it does not accept (<see cref="CommandLine.InconclusiveNotAccepted"/>),
    /// else <see cref="CommandLine.AsDeclared"/>.
    /// </summary>
    public int ExitCode =>
        !AsDeclared ? CommandLine.NotAsDeclared
        : InconclusiveNotAccepted ? CommandLine.InconclusiveNotAccepted
        : CommandLine.AsDeclared;
}
