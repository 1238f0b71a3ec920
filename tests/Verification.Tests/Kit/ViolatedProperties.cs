using Verification.Specs;

namespace Verification.Tests.Kit;

/// <summary>What the whole contract says of a history, as one string a test compares.</summary>
internal static class ViolatedProperties
{
    /// <summary>The IDs of every property <see cref="Contract.Judge"/> finds violated, comma-separated ("" when all hold).</summary>
    public static string ViolatedUnder(this History history, DeclaredContract contract) =>
        string.Join(", ", Contract.Judge(history, contract).Select(v => v.Property.Id()));
}
