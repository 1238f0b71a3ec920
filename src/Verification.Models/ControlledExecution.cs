using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;

namespace Verification.Models;

/// <summary>Whether the calling code runs as an operation of a Coyote test's scheduler, and which iteration it is.</summary>
/// <remarks>
/// Coyote 1.7.11 keeps both facts internal (its own models read <c>CoyoteRuntime.Current.SchedulingPolicy</c> and
/// <c>TryGetExecutingOperation</c>); they are read here once through compiled expressions, so a model costs a delegate
/// call, not reflection, per use.
/// </remarks>
internal static class ControlledExecution
{
    private static readonly Func<bool> IsControlledOperation = Build();

    /// <summary>True when the caller is an operation that Coyote's systematic scheduler controls.</summary>
    public static bool IsActive => IsControlledOperation();

    /// <summary>The runtime of the current iteration (a fresh one per iteration).</summary>
    public static object Runtime => RuntimeProvider.Current;

    /// <summary>
    /// Fails the iteration, as Coyote does for its own models, when modelled state created in one iteration is used in
    /// another (a static field kept across iterations): its waiters belong to an iteration that is over.
    /// </summary>
    public static void AssertSameIteration(object createdIn, string what)
    {
        if (!ReferenceEquals(createdIn, Runtime))
        {
            Specification.Assert(false, $"Accessing '{what}' that was created in a previous test iteration.");
        }
    }

    private static Func<bool> Build()
    {
        var runtimeType = typeof(RuntimeProvider).Assembly.GetType("Microsoft.Coyote.Runtime.CoyoteRuntime", throwOnError: true)!;
        const BindingFlags any = BindingFlags.Public | BindingFlags.NonPublic;
        var current = runtimeType.GetProperty("Current", any | BindingFlags.Static)!;
        var policy = runtimeType.GetProperty("SchedulingPolicy", any | BindingFlags.Instance)!;
        var tryGetOperation = runtimeType.GetMethod("TryGetExecutingOperation", any | BindingFlags.Instance)!;
        var interleaving = Enum.Parse(policy.PropertyType, "Interleaving");

        var runtime = Expression.Variable(runtimeType, "runtime");
        var operation = Expression.Variable(tryGetOperation.GetParameters()[0].ParameterType.GetElementType()!, "operation");
        var body = Expression.Block(
            typeof(bool),
            [runtime, operation],
            Expression.Assign(runtime, Expression.Property(null, current)),
            Expression.AndAlso(
                Expression.Equal(Expression.Property(runtime, policy), Expression.Constant(interleaving, policy.PropertyType)),
                Expression.Call(runtime, tryGetOperation, operation)));
        return Expression.Lambda<Func<bool>>(body).Compile();
    }
}
