using System.Collections.Immutable;

namespace Verification.Core;

/// <summary>An assembly that references the harness, so may declare implementations, but could not be loaded.</summary>
/// <param name="AssemblyFile">The assembly's file name.</param>
/// <param name="Reason">Why, in one line: the runtime's message, which names the missing or bad dependency.</param>
public sealed record LoadFailure(string AssemblyFile, string Reason)
{
    public override string ToString() => $"'{AssemblyFile}': {Reason}";
}
