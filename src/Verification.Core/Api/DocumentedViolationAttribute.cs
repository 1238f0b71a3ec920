using Verification.Core;
using Verification.Specs;

namespace Verification;

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
