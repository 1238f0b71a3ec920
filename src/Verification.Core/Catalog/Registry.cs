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
    private static readonly Lazy<Discovery> BesideHarness = new(() => Discover(HarnessDirectory));

    private static string HarnessDirectory => Path.GetDirectoryName(typeof(Registry).Assembly.Location)!;

    /// <summary>What discovery found beside the harness, load failures included.</summary>
    public static Discovery Discovered => BesideHarness.Value;

    /// <summary>The implementations beside the harness that could be loaded.</summary>
    public static ImmutableArray<Implementation> All => Discovered.Implementations;

    /// <summary>The assemblies beside the harness that reference it but could not be loaded.</summary>
    public static ImmutableArray<LoadFailure> LoadFailures => Discovered.LoadFailures;

    /// <inheritdoc cref="Discovery.Find"/>
    public static Implementation Find(string name) => Discovered.Find(name);

    /// <summary>Reads the declaration of one adapter type.</summary>
    /// <exception cref="CustomAttributeFormatException">It accepts an inconclusive verdict without saying why.</exception>
    public static Implementation Describe(Type adapterType)
    {
        var declared = adapterType.GetCustomAttribute<SingletonImplementationAttribute>()
            ?? throw new ArgumentException($"{adapterType.FullName} has no [SingletonImplementation] attribute.", nameof(adapterType));
        var bug = adapterType.GetCustomAttribute<PlantedBugAttribute>();
        var documented = adapterType.GetCustomAttribute<DocumentedViolationAttribute>();
        var accepted = adapterType.GetCustomAttribute<AcceptsInconclusiveAttribute>();
        if (accepted is not null && string.IsNullOrWhiteSpace(accepted.Reason))
        {
            // An acceptance nobody can read back is a verdict waved through: discovery reports it like an adapter that
            // cannot be loaded, so no run looks complete with it.
            throw new CustomAttributeFormatException(
                $"{adapterType.FullName}: [AcceptsInconclusive] needs a reason: why the engine cannot judge it, and why that is acceptable.");
        }

        var kind = bug is null ? declared.Kind : ImplementationKind.PlantedBug;
        return new Implementation(
            declared.Name,
            adapterType,
            kind,
            new DeclaredContract(declared.Failure, declared.Cancellation, declared.SupportsReset),
            bug?.Property ?? documented?.Property,
            declared.Description)
        {
            AcceptsInconclusive = accepted?.Reason.Trim(),
        };
    }

    /// <summary>Finds the implementations in the assemblies of <paramref name="directory"/> that reference the harness.</summary>
    /// <remarks>
    /// An assembly that cannot be loaded, or whose types cannot be read (a dependency missing, built against another
    /// version of the harness), is recorded in <see cref="Discovery.LoadFailures"/> rather than thrown or skipped: the
    /// caller decides, and dropping it silently would make a run over the rest look complete.
    /// </remarks>
    /// <exception cref="DuplicateImplementationException">Two implementations have the same name.</exception>
    public static Discovery Discover(string directory)
    {
        var harness = typeof(Registry).Assembly.GetName().Name!;
        var found = new List<Implementation>();
        var failures = ImmutableArray.CreateBuilder<LoadFailure>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.dll").Where(path => References(path, harness)).Order(StringComparer.Ordinal))
        {
            try
            {
                // Materialized inside the try: reading the types is what fails when a dependency is missing.
                found.AddRange([.. ExportedAdapters(Assembly.LoadFrom(path)).Select(Describe)]);
            }
            catch (Exception e) when (IsLoadFailure(e))
            {
                failures.Add(new LoadFailure(Path.GetFileName(path), Reason(e)));
            }
        }

        var implementations = found
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToImmutableArray();
        var duplicate = implementations.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new Discovery(implementations, failures.ToImmutable())
            : throw new DuplicateImplementationException(
                $"Two implementations are named '{duplicate.Key}': {string.Join(", ", duplicate.Select(i => i.AdapterType.FullName))}. " +
                "Give each its own name in its [SingletonImplementation] attribute.");
    }

    private static bool IsLoadFailure(Exception e) =>
        e is FileNotFoundException or FileLoadException or BadImageFormatException or ReflectionTypeLoadException
            or TypeLoadException or MissingMemberException or CustomAttributeFormatException;

    /// <summary>The runtime's own message, in one line; for types that could not be read, the first loader's.</summary>
    private static string Reason(Exception e)
    {
        var cause = e is ReflectionTypeLoadException { LoaderExceptions: var loader } && loader.FirstOrDefault(l => l is not null) is { } first
            ? first
            : e;
        return cause.Message.ReplaceLineEndings(" ").Trim();
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
