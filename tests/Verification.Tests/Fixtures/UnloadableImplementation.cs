using System.Reflection;
using System.Reflection.Emit;
using Verification.Core;

namespace Verification.Tests.Fixtures;

/// <summary>
/// Writes implementation assemblies that reference the harness but cannot be loaded, as a user's would be if copied beside
/// the harness without its dependencies, or built against another version of the harness.
/// </summary>
/// <remarks>
/// Each call names its assembly afresh: the runtime keeps an assembly it loaded, by name, for the rest of the test run,
/// so a second assembly of the same name from another folder would fail for that reason instead.
/// </remarks>
internal static class UnloadableImplementation
{
    /// <summary>The assembly the adapter's base class is in, which is never written.</summary>
    public const string MissingDependency = "Missing.Dependency";

    /// <summary>
    /// Writes, into <paramref name="directory"/>, an assembly whose registered adapter derives from a class in
    /// <see cref="MissingDependency"/>, and returns its file name.
    /// </summary>
    public static string WriteWithMissingDependency(string directory)
    {
        var (baseType, baseConstructor) = DefineBaseAdapterInMissingDependency();
        return Write(directory, baseType, baseConstructor, implementsCreate: true);
    }

    /// <summary>
    /// Writes, into <paramref name="directory"/>, an assembly whose registered adapter does not implement
    /// <see cref="SingletonAdapter.Create"/>, as one compiled against a harness without that member would not; returns its
    /// file name.
    /// </summary>
    public static string WriteWithoutCreate(string directory) =>
        Write(directory, typeof(SingletonAdapter), ProtectedConstructor(typeof(SingletonAdapter)), implementsCreate: false);

    /// <summary>
    /// Writes, into <paramref name="directory"/>, an assembly that loads, with one adapter registered as
    /// <paramref name="implementation"/>; returns its file name.
    /// </summary>
    public static string WriteLoadable(string directory, string implementation) =>
        Write(directory, typeof(SingletonAdapter), ProtectedConstructor(typeof(SingletonAdapter)), implementsCreate: true, implementation);

    private static string Write(string directory, Type baseType, ConstructorInfo baseConstructor, bool implementsCreate, string implementation = "broken")
    {
        var name = $"Broken.Implementations.{Guid.NewGuid():N}";
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var adapter = assembly.DefineDynamicModule(name).DefineType(
            $"{name}.BrokenAdapter", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, baseType);
        DefineConstructor(adapter, MethodAttributes.Public, baseConstructor);
        adapter.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(SingletonImplementationAttribute).GetConstructor([typeof(string)])!, [implementation]));
        if (implementsCreate)
        {
            var create = adapter.DefineMethod(
                nameof(SingletonAdapter.Create),
                MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig,
                typeof(ISingletonSubject),
                [typeof(InitializationSeam)]);
            var il = create.GetILGenerator();
            il.Emit(OpCodes.Newobj, typeof(NotSupportedException).GetConstructor(Type.EmptyTypes)!);
            il.Emit(OpCodes.Throw);
        }

        adapter.CreateType();
        var file = $"{name}.dll";
        assembly.Save(Path.Combine(directory, file));
        return file;
    }

    private static (TypeBuilder Type, ConstructorBuilder Constructor) DefineBaseAdapterInMissingDependency()
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(MissingDependency), typeof(object).Assembly);
        var type = assembly.DefineDynamicModule(MissingDependency).DefineType(
            $"{MissingDependency}.BaseAdapter", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Class, typeof(SingletonAdapter));
        var constructor = DefineConstructor(type, MethodAttributes.Family, ProtectedConstructor(typeof(SingletonAdapter)));
        type.CreateType();
        return (type, constructor);
    }

    private static ConstructorBuilder DefineConstructor(TypeBuilder type, MethodAttributes access, ConstructorInfo baseConstructor)
    {
        var constructor = type.DefineConstructor(
            access | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
            CallingConventions.Standard,
            Type.EmptyTypes);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, baseConstructor);
        il.Emit(OpCodes.Ret);
        return constructor;
    }

    private static ConstructorInfo ProtectedConstructor(Type type) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)!;
}
