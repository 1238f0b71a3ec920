using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// Finds every implementation: each <see cref="SingletonAdapter"/> subclass marked with
/// <see cref="SingletonImplementationAttribute"/> in an assembly beside the harness that references it.
/// </summary>
/// <remarks>
/// Discovery reads assembly references from metadata before loading anything, so unrelated assemblies in the folder
/// (test frameworks, Coyote itself) are never loaded. Adding an implementation is adding a class: no list to edit.
/// </remarks>
public static class Registry
{
    private static readonly Lazy<ImmutableArray<Implementation>> Discovered = new(() => Discover(HarnessDirectory));

    private static string HarnessDirectory => Path.GetDirectoryName(typeof(Registry).Assembly.Location)!;

    public static ImmutableArray<Implementation> All => Discovered.Value;

    public static Implementation Find(string name) =>
        All.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"No implementation named '{name}'. Registered: {string.Join(", ", All.Select(i => i.Name))}.", nameof(name));

    /// <summary>Reads the declaration of one adapter type.</summary>
    public static Implementation Describe(Type adapterType)
    {
        var declared = adapterType.GetCustomAttribute<SingletonImplementationAttribute>()
            ?? throw new ArgumentException($"{adapterType.FullName} has no [SingletonImplementation] attribute.", nameof(adapterType));
        var bug = adapterType.GetCustomAttribute<PlantedBugAttribute>();
        var documented = adapterType.GetCustomAttribute<DocumentedViolationAttribute>();
        var kind = bug is null ? declared.Kind : ImplementationKind.PlantedBug;
        return new Implementation(
            declared.Name,
            adapterType,
            kind,
            new DeclaredContract(declared.Failure, declared.Cancellation, declared.SupportsReset),
            bug?.Property ?? documented?.Property,
            declared.Description);
    }

    public static ImmutableArray<Implementation> Discover(string directory)
    {
        var harness = typeof(Registry).Assembly.GetName().Name!;
        var implementations = Directory.EnumerateFiles(directory, "*.dll")
            .Where(path => References(path, harness))
            .Select(Assembly.LoadFrom)
            .SelectMany(ExportedAdapters)
            .Select(Describe)
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToImmutableArray();
        var duplicate = implementations.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? implementations
            : throw new InvalidOperationException(
                $"Two implementations are named '{duplicate.Key}': {string.Join(", ", duplicate.Select(i => i.AdapterType.FullName))}.");
    }

    private static IEnumerable<Type> ExportedAdapters(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t =>
            t is { IsAbstract: false, IsClass: true }
            && typeof(SingletonAdapter).IsAssignableFrom(t)
            && t.IsDefined(typeof(SingletonImplementationAttribute), inherit: false));

    private static bool References(string path, string assemblyName)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Any(h =>
                metadata.StringComparer.Equals(metadata.GetAssemblyReference(h).Name, assemblyName));
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
