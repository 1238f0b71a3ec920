using Verification.Core;
using Verification.Specs;

namespace Verification;

/// <summary>Marks an implementation as a planted bug that must be caught violating <see cref="Property"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PlantedBugAttribute(Property property) : Attribute
{
    public Property Property { get; } = property;
}
