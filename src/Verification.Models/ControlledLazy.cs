using System.Runtime.ExceptionServices;
using Microsoft.Coyote.Runtime;

namespace Verification.Models;

/// <summary>The state of a <see cref="Lazy{T}"/> created inside a Coyote test, with the documented semantics of each mode.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="LazyThreadSafetyMode.ExecutionAndPublication"/>: one factory run, under a lock (a controlled
/// monitor, so a caller blocked on it is seen by the scheduler); its exception is cached and rethrown to every caller.</item>
/// <item><see cref="LazyThreadSafetyMode.PublicationOnly"/>: every caller that finds no value runs the factory; the first
/// to finish publishes, the others get the published value; exceptions are not cached.</item>
/// <item><see cref="LazyThreadSafetyMode.None"/>: no lock; racing callers may each run the factory, and a caller that
/// arrives while the factory runs gets <see cref="InvalidOperationException"/>, as the real type's recursion check gives it;
/// exceptions are cached.</item>
/// </list>
/// A lazy built without a factory creates its value with the parameterless constructor and caches no exception, as the
/// real type does. Where the real type has a window between looking for a value and running the factory, a scheduling
/// point lets another caller in.
/// </remarks>
internal sealed class ControlledLazy<T>(Func<T>? factory, LazyThreadSafetyMode mode)
{
    private const string RecursionMessage = "ValueFactory attempted to access the Value property of this instance.";

    private readonly object _gate = new();
    private readonly bool _hasFactory = factory is not null;
    private Func<T>? _factory = factory;
    // The iteration whose caller is running the factory, if any: an iteration Coyote stopped mid-factory leaves it set,
    // and that run is over, so a later iteration does not take it for a recursive call.
    private object? _runningIn;
    private bool _created;
    private T _value = default!;
    private ExceptionDispatchInfo? _failure;

    public static T NotReachable() => throw new InvalidOperationException("A modelled Lazy<T> is read through its model only.");

    // Unlike a semaphore, a lazy may outlive an iteration (a static holder is the classic use): once its value exists,
    // reading it needs no synchronization, and its lock is a monitor that each iteration's runtime tracks afresh.
    public bool IsValueCreated => _created;

    public T Value
    {
        get
        {
            if (_created)
            {
                return _value;
            }

            _failure?.Throw();
            return mode switch
            {
                LazyThreadSafetyMode.ExecutionAndPublication => ExecuteAndPublish(),
                LazyThreadSafetyMode.PublicationOnly => PublishFirst(),
                _ => ExecuteUnsynchronized(),
            };
        }
    }

    public override string? ToString() => _created ? _value?.ToString() : "Value is not created.";

    private T ExecuteAndPublish()
    {
        lock (_gate)
        {
            if (_created)
            {
                return _value;
            }

            _failure?.Throw();
            return RunFactoryOnce();
        }
    }

    // As the real type's None mode: it reads its factory and clears it with no synchronization, so two callers can both take
    // it and each run it (each then returns the value it made), and a caller that comes after the factory was taken, while
    // it still runs, finds none and gets InvalidOperationException, as a recursive call does.
    private T ExecuteUnsynchronized()
    {
        SchedulingPoint.Interleave();
        if (_created)
        {
            return _value;
        }

        _failure?.Throw();
        if (!_hasFactory)
        {
            _value = Activator.CreateInstance<T>();
            _created = true;
            return _value;
        }

        var factory = _factory;
        SchedulingPoint.Interleave();
        if (factory is null)
        {
            throw new InvalidOperationException(RecursionMessage);
        }

        _factory = null;
        try
        {
            _value = factory();
            _created = true;
            return _value;
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

    private T RunFactoryOnce()
    {
        if (_runningIn is { } runningIn && ReferenceEquals(runningIn, ControlledExecution.Runtime))
        {
            throw new InvalidOperationException(RecursionMessage);
        }

        _runningIn = ControlledExecution.Runtime;
        try
        {
            var value = _factory is { } factory ? factory() : Activator.CreateInstance<T>();
            _value = value;
            _created = true;
            _factory = null;
            return value;
        }
        catch (Exception e) when (_factory is not null)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
        finally
        {
            _runningIn = null;
        }
    }

    private T PublishFirst()
    {
        SchedulingPoint.Interleave();
        if (_created)
        {
            return _value;
        }

        var value = _factory is { } factory ? factory() : Activator.CreateInstance<T>();
        SchedulingPoint.Interleave();
        if (!_created)
        {
            _value = value;
            _created = true;
        }

        return _value;
    }
}
