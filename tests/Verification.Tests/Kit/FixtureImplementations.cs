using Verification.Core;
using Verification.Specs;

namespace Verification.Tests.Kit;

/// <summary>Test adapters (the misbehaving fixtures and the like) as implementations the engines run.</summary>
internal static class FixtureImplementations
{
    /// <inheritdoc cref="Fixture(Type, CancellationPolicy)"/>
    public static Implementation Fixture<TAdapter>(CancellationPolicy cancellation = CancellationPolicy.None) where TAdapter : SingletonAdapter =>
        Fixture(typeof(TAdapter), cancellation);

    /// <summary>A fixture as an unregistered implementation: retry on failure, no reset, the given cancellation policy.</summary>
    public static Implementation Fixture(Type adapter, CancellationPolicy cancellation = CancellationPolicy.None) =>
        new(adapter.Name, adapter, ImplementationKind.User, Contracts.RetryWith(cancellation), null, "fixture");
}
