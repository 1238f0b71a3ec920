using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Verification.Weaving;

/// <summary>Redirects, in one assembly, every call to a modelled member to its model.</summary>
internal static class Weaver
{
    /// <summary>Rewrites <paramref name="module"/>'s method bodies; returns how many call sites now go to each model.</summary>
    public static SortedDictionary<string, int> Weave(ModuleDefinition module, ModelCatalog catalog)
    {
        var redirected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.Operand is not MethodReference target
                    || (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj))
                    || instruction.Previous?.OpCode.Code == Code.Constrained)
                {
                    continue;
                }

                var model = catalog.Find(target, isConstruction: instruction.OpCode.Code == Code.Newobj);
                if (model is null)
                {
                    continue;
                }

                instruction.OpCode = OpCodes.Call;
                instruction.Operand = Instantiate(module.ImportReference(model), target);
                var name = $"{target.DeclaringType.GetElementType().FullName}::{target.Name}";
                redirected[name] = redirected.GetValueOrDefault(name) + 1;
            }
        }

        return redirected;
    }

    // A model of a generic type's member takes the type's arguments first, then the member's own.
    private static MethodReference Instantiate(MethodReference model, MethodReference target)
    {
        if (!model.HasGenericParameters)
        {
            return model;
        }

        var instance = new GenericInstanceMethod(model);
        if (target.DeclaringType is GenericInstanceType type)
        {
            foreach (var argument in type.GenericArguments)
            {
                instance.GenericArguments.Add(argument);
            }
        }

        if (target is GenericInstanceMethod method)
        {
            foreach (var argument in method.GenericArguments)
            {
                instance.GenericArguments.Add(argument);
            }
        }

        return instance;
    }
}
