using Mono.Cecil;

namespace Verification.Weaving;

/// <summary>
/// The models in the models assembly, indexed by the member each replaces: its type, kind (constructor, static or
/// instance member), name and parameter types, with generic parameters written by position (<c>!0</c> for a type's,
/// <c>!!0</c> for a method's) so that a call site's signature and a model's compare as text.
/// </summary>
internal sealed class ModelCatalog
{
    private const string ModelOfAttribute = "Verification.Models.ModelOfAttribute";

    private readonly Dictionary<string, MethodDefinition> _models = new(StringComparer.Ordinal);

    private ModelCatalog(ModuleDefinition models)
    {
        foreach (var type in models.Types.Where(t => t.IsPublic))
        {
            var modelOf = type.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == ModelOfAttribute);
            if (modelOf?.ConstructorArguments[0].Value is not TypeReference modelled)
            {
                continue;
            }

            var typeArity = Arity(modelled);
            foreach (var method in type.Methods.Where(m => m.IsPublic && m.IsStatic))
            {
                var parameters = method.Parameters.Select(p => SignatureOf(p.ParameterType, typeArity)).ToList();
                if (method.Name == "New")
                {
                    Add($"{modelled.FullName}::.ctor({string.Join(",", parameters)})", method);
                    continue;
                }

                Add($"{modelled.FullName}::static {method.Name}({string.Join(",", parameters)})", method);
                if (parameters.Count > 0 && StripReference(method.Parameters[0].ParameterType).GetElementType().FullName == modelled.FullName)
                {
                    Add($"{modelled.FullName}::{method.Name}({string.Join(",", parameters.Skip(1))})", method);
                }
            }
        }
    }

    /// <summary>How many models the catalog holds.</summary>
    public int Count => _models.Count;

    public static ModelCatalog Read(ModuleDefinition models) => new(models);

    /// <summary>The model of the member <paramref name="target"/> refers to, if there is one.</summary>
    /// <param name="target">A call site's method.</param>
    /// <param name="isConstruction">The call site is <c>newobj</c>.</param>
    public MethodDefinition? Find(MethodReference target, bool isConstruction)
    {
        var declaring = target.DeclaringType.GetElementType().FullName;
        var signature = target is GenericInstanceMethod generic ? generic.ElementMethod : target;
        var parameters = string.Join(",", signature.Parameters.Select(p => SignatureOf(p.ParameterType, typeArity: null)));
        var key = isConstruction ? $"{declaring}::.ctor({parameters})"
            : target.HasThis ? $"{declaring}::{target.Name}({parameters})"
            : $"{declaring}::static {target.Name}({parameters})";
        if (target.Name == ".ctor" && !isConstruction)
        {
            return null; // a base constructor call in a derived type's constructor: that object is not built by the model
        }

        return _models.GetValueOrDefault(key);
    }

    private void Add(string key, MethodDefinition method)
    {
        if (!_models.TryAdd(key, method))
        {
            throw new InvalidOperationException($"Two models replace {key}: {_models[key].FullName} and {method.FullName}.");
        }
    }

    private static int Arity(TypeReference type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? 0 : int.Parse(type.Name[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static TypeReference StripReference(TypeReference type) => type is ByReferenceType reference ? reference.ElementType : type;

    // typeArity is null for a call site's signature, whose generic parameters already say whose they are; for a model,
    // whose generic parameters are all the method's, the first typeArity stand for the modelled type's.
    private static string SignatureOf(TypeReference type, int? typeArity) => type switch
    {
        GenericParameter parameter when typeArity is { } arity && parameter.Type == GenericParameterType.Method =>
            parameter.Position < arity ? $"!{parameter.Position}" : $"!!{parameter.Position - arity}",
        GenericParameter parameter => parameter.Type == GenericParameterType.Type ? $"!{parameter.Position}" : $"!!{parameter.Position}",
        ByReferenceType reference => SignatureOf(reference.ElementType, typeArity) + "&",
        ArrayType array => SignatureOf(array.ElementType, typeArity) + "[]",
        GenericInstanceType instance =>
            $"{instance.ElementType.FullName}<{string.Join(",", instance.GenericArguments.Select(a => SignatureOf(a, typeArity)))}>",
        _ => type.FullName,
    };
}
