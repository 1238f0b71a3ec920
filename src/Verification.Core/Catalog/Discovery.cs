using System.Collections.Immutable;

namespace Verification.Core;

/// <summary>
/// What <see cref="Registry.Discover"/> found in a folder: the implementations it could load, and every assembly that
/// references the harness but could not be loaded, so that a run never looks complete while an implementation is missing.
/// </summary>
/// <param name="Implementations">The implementations found, ordered by kind, then name.</param>
/// <param name="LoadFailures">The assemblies that declare implementations but could not be loaded, ordered by file name.</param>
public sealed record Discovery(ImmutableArray<Implementation> Implementations, ImmutableArray<LoadFailure> LoadFailures)
{
    /// <summary>The implementation named <paramref name="name"/>, in any case.</summary>
    /// <exception cref="ArgumentException">No implementation found has that name.</exception>
    public Implementation Find(string name) =>
        Implementations.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"No implementation named '{name}'. Registered: {string.Join(", ", Implementations.Select(i => i.Name))}." +
            (LoadFailures.IsEmpty ? string.Empty : $" Not loaded: {string.Join(", ", LoadFailures.Select(f => f.AssemblyFile))}."),
            nameof(name));
}
