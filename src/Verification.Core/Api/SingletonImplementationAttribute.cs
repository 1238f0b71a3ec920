using Verification.Core;
using Verification.Specs;

namespace Verification;

/// <summary>Registers a <see cref="SingletonAdapter"/> with the harness and declares its contract.</summary>
/// <param name="name">A short unique name (kebab-case), used on the command line and in reports.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SingletonImplementationAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public FailurePolicy Failure { get; init; } = FailurePolicy.Retry;

    public CancellationPolicy Cancellation { get; init; } = CancellationPolicy.None;

    public bool SupportsReset { get; init; }

    public ImplementationKind Kind { get; init; } = ImplementationKind.User;

    /// <summary>One line saying what the implementation is.</summary>
    public string Description { get; init; } = string.Empty;
}
