using System.Runtime.InteropServices;
using Mono.Cecil;
using Verification.Weaving;

// Usage: Verification.Weaving MODELS.dll DIRECTORY ASSEMBLY.dll...
// Weaves each named assembly of DIRECTORY in place (with its symbols, when it has them) and prints what it redirected.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Verification.Weaving MODELS.dll DIRECTORY ASSEMBLY.dll...");
    return 2;
}

var modelsPath = Path.GetFullPath(args[0]);
var directory = Path.GetFullPath(args[1]);
using var resolver = new DefaultAssemblyResolver();
resolver.AddSearchDirectory(directory);
resolver.AddSearchDirectory(RuntimeEnvironment.GetRuntimeDirectory());

using var models = ModuleDefinition.ReadModule(modelsPath, new ReaderParameters { AssemblyResolver = resolver });
var catalog = ModelCatalog.Read(models);
if (catalog.Count == 0)
{
    Console.Error.WriteLine($"Verification.Weaving: {modelsPath} holds no models.");
    return 1;
}

var failed = false;
foreach (var name in args.Skip(2).Where(n => !string.Equals(n, Path.GetFileName(modelsPath), StringComparison.OrdinalIgnoreCase)))
{
    var path = Path.Combine(directory, name);
    try
    {
        var summary = WeaveFile(path, resolver, catalog);
        Console.WriteLine($"{name}: {summary}");
    }
#pragma warning disable CA1031 // Any failure is reported with the assembly's name; the build then stops.
    catch (Exception e)
#pragma warning restore CA1031
    {
        Console.Error.WriteLine($"Verification.Weaving: could not weave {name}: {e.GetType().Name}: {e.Message}");
        failed = true;
    }
}

return failed ? 1 : 0;

static string WeaveFile(string path, IAssemblyResolver resolver, ModelCatalog catalog)
{
    var symbols = File.Exists(Path.ChangeExtension(path, ".pdb"));
    SortedDictionary<string, int> redirected;
    using (var module = ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver, ReadWrite = true, ReadSymbols = symbols }))
    {
        redirected = Weaver.Weave(module, catalog);
        if (redirected.Count > 0)
        {
            module.Write(new WriterParameters { WriteSymbols = symbols });
        }
    }

    return redirected.Count == 0 ? "nothing modelled" : string.Join(", ", redirected.Select(r => $"{r.Key} x{r.Value}"));
}
