using System.Runtime.CompilerServices;

namespace Verification.Models;

/// <summary>
/// <see cref="Lock"/> (what C# 13's <c>lock</c> statement takes when its object is a <see cref="Lock"/>) as a controlled
/// monitor on the same object: Coyote 1.7.11 does not model it, and a lock on one looked like a deadlock.
/// </summary>
/// <remarks>
/// <see cref="Lock.Scope"/> holds nothing but its lock, so the scope handed out is the lock reinterpreted; its
/// <c>Dispose</c> comes here too. Outside a Coyote test every call goes to the real lock.
/// </remarks>
[ModelOf(typeof(Lock))]
public static class LockModel
{
    public static void Enter(Lock gate)
    {
        if (ControlledExecution.IsActive)
        {
            Monitor.Enter(MonitorOf(gate));
        }
        else
        {
            gate.Enter();
        }
    }

    public static bool TryEnter(Lock gate) => TryEnter(gate, 0);

    public static bool TryEnter(Lock gate, TimeSpan timeout) => TryEnter(gate, Timeouts.Milliseconds(timeout));

    public static bool TryEnter(Lock gate, int millisecondsTimeout) =>
        ControlledExecution.IsActive ? Monitor.TryEnter(MonitorOf(gate), millisecondsTimeout) : gate.TryEnter(millisecondsTimeout);

    public static void Exit(Lock gate)
    {
        if (ControlledExecution.IsActive)
        {
            Monitor.Exit(MonitorOf(gate));
        }
        else
        {
            gate.Exit();
        }
    }

    public static bool get_IsHeldByCurrentThread(Lock gate) =>
        ControlledExecution.IsActive ? MonitorModel.IsEntered(MonitorOf(gate)) : gate.IsHeldByCurrentThread;

    public static Lock.Scope EnterScope(Lock gate)
    {
        if (!ControlledExecution.IsActive)
        {
            return gate.EnterScope();
        }

        Monitor.Enter(MonitorOf(gate));
        return Unsafe.As<Lock, Lock.Scope>(ref gate);
    }

    /// <summary>The lock object itself, used as a monitor: the model's lock, on purpose.</summary>
#pragma warning disable CS9216 // Monitor-based locking on a Lock is what this model is.
    internal static object MonitorOf(Lock gate) => gate;
#pragma warning restore CS9216
}
