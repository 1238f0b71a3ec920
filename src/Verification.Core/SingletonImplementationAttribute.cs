using Verification.Specs;

namespace Verification.Core;

/// <summary>Where an implementation comes from, as reports show it.</summary>
public enum ImplementationKind
{
    /// <summary>Written here and expected to satisfy its declared contract.</summary>
    Correct,

    /// <summary>Written here with a known bug that the harness must catch.</summary>
    PlantedBug,

    /// <summary>A library's implementation, judged against what its documentation promises.</summary>
    ThirdParty,

    /// <summary>A user's own implementation.</summary>
    User,
}

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

/// <summary>Marks an implementation as a planted bug that must be caught violating <see cref="Property"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PlantedBugAttribute(Property property) : Attribute
{
    public Property Property { get; } = property;
}

/// <summary>
/// Marks a third-party implementation whose own documentation does not promise <see cref="Property"/>: the harness is then
/// expected to find it violated, and the reason cites the documentation.
/// </summary>
/// <param name="property">The property the documentation does not promise.</param>
/// <param name="reason">What the documentation says, briefly, and where.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DocumentedViolationAttribute(Property property, string reason) : Attribute
{
    public Property Property { get; } = property;

    public string Reason { get; } = reason;
}
