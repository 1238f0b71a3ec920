namespace Verification.Specs;

/// <summary>The property IDs as the contract, the CLI and the reports spell them.</summary>
public static class PropertyIds
{
    public static IReadOnlyList<Property> All { get; } = Enum.GetValues<Property>();

    public static string Id(this Property property) => property.ToString().ToUpperInvariant();

    public static bool TryParse(string id, out Property property) =>
        Enum.TryParse(id, ignoreCase: true, out property) && Enum.IsDefined(property);
}
