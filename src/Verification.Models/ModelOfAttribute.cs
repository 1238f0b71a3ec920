namespace Verification.Models;

/// <summary>
/// Marks a static class whose public static methods replace members of <see cref="Type"/> in code under test.
/// </summary>
/// <remarks>
/// The weaving step matches each call in code under test to a method of the model class by name and parameters: an
/// instance member <c>M(args)</c> is replaced by <c>M(instance, args)</c>, a static member <c>M(args)</c> by
/// <c>M(args)</c>, a constructor by <c>New(args)</c> (only at <c>new</c>, never a base constructor call), and a property
/// getter by <c>get_Name</c>. A model of a member of a generic type takes the type's type parameters first, in order.
/// A member with no model is left alone.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ModelOfAttribute(Type type) : Attribute
{
    /// <summary>The modelled type (an open generic type for a generic one).</summary>
    public Type Type { get; } = type;
}
