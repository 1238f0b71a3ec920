using System.Runtime.CompilerServices;

namespace Verification.Models;

/// <summary><see cref="Lazy{T}"/> in its three thread-safety modes, with its lock a controlled one.</summary>
/// <remarks>
/// The real <see cref="Lazy{T}"/> takes a lock inside the runtime library, which Coyote 1.7.11 does not rewrite: a
/// caller blocked on it is invisible to the scheduler, so a scheduling point inside the factory looked like a deadlock.
/// A <see cref="Lazy{T}"/> created inside a Coyote test is an inert placeholder here, with its state in
/// <see cref="ControlledLazy{T}"/>; one created outside a test is real and every call goes to it.
/// </remarks>
[ModelOf(typeof(Lazy<>))]
public static class LazyModel
{
    private static readonly ConditionalWeakTable<object, object> States = new();

    public static Lazy<T> New<T>() => New<T>(LazyThreadSafetyMode.ExecutionAndPublication);

    public static Lazy<T> New<T>(bool isThreadSafe) =>
        New<T>(isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None);

    public static Lazy<T> New<T>(LazyThreadSafetyMode mode) =>
        ControlledExecution.IsActive ? Register(new ControlledLazy<T>(null, mode)) : new Lazy<T>(mode);

    public static Lazy<T> New<T>(Func<T> valueFactory) => New(valueFactory, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Lazy<T> New<T>(Func<T> valueFactory, bool isThreadSafe) =>
        New(valueFactory, isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None);

    public static Lazy<T> New<T>(Func<T> valueFactory, LazyThreadSafetyMode mode)
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return ControlledExecution.IsActive ? Register(new ControlledLazy<T>(valueFactory, mode)) : new Lazy<T>(valueFactory, mode);
    }

    public static T get_Value<T>(Lazy<T> lazy) => States.TryGetValue(lazy, out var state) ? ((ControlledLazy<T>)state).Value : lazy.Value;

    public static bool get_IsValueCreated<T>(Lazy<T> lazy) =>
        States.TryGetValue(lazy, out var state) ? ((ControlledLazy<T>)state).IsValueCreated : lazy.IsValueCreated;

    public static string? ToString<T>(Lazy<T> lazy) => States.TryGetValue(lazy, out var state) ? state.ToString() : lazy.ToString();

    private static Lazy<T> Register<T>(ControlledLazy<T> state)
    {
        var placeholder = new Lazy<T>(ControlledLazy<T>.NotReachable, LazyThreadSafetyMode.PublicationOnly);
        States.Add(placeholder, state);
        return placeholder;
    }
}
