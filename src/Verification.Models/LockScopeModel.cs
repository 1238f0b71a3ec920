using System.Runtime.CompilerServices;

namespace Verification.Models;

/// <summary>The end of a <c>lock</c> statement on a <see cref="Lock"/>: see <see cref="LockModel"/>.</summary>
[ModelOf(typeof(Lock.Scope))]
public static class LockScopeModel
{
    public static void Dispose(ref Lock.Scope scope)
    {
        var gate = Unsafe.As<Lock.Scope, Lock>(ref scope);
        if (ControlledExecution.IsActive)
        {
            Monitor.Exit(LockModel.MonitorOf(gate));
        }
        else
        {
            scope.Dispose();
        }
    }
}
