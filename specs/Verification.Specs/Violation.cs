namespace Verification.Specs;

/// <summary>A property that a history breaks, with the reason in words that name callers, attempts and instances.</summary>
public sealed record Violation(Property Property, string Reason)
{
    public override string ToString() => $"{Property.Id()}: {Reason}";
}
