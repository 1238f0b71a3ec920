namespace Verification.Models;

/// <summary><see cref="Monitor.IsEntered(object)"/> answering false for an object that is not locked.</summary>
/// <remarks>
/// Coyote 1.7.11's model throws <see cref="SynchronizationLockException"/> for an object no one has locked yet, where the
/// real method returns false; libraries that assert with it failed every call.
/// </remarks>
[ModelOf(typeof(Monitor))]
public static class MonitorModel
{
    public static bool IsEntered(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        try
        {
            return Monitor.IsEntered(obj);
        }
        catch (SynchronizationLockException) when (ControlledExecution.IsActive)
        {
            return false;
        }
    }
}
