using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>
/// Collects the events of one run in the order they happen, numbering instances and attempts as it first sees them.
/// </summary>
/// <remarks>
/// Thread-safe: under Coyote only one controlled operation runs at a time, but the stress engine records from the real
/// thread pool. Identity (which object, which exception) is by reference, so a copied or wrapped exception, or a
/// different instance, is never mistaken for the original.
/// </remarks>
public sealed class HistoryRecorder
{
    private readonly object _gate = new();
    private readonly List<HistoryEvent> _events = [];
    private readonly Dictionary<object, int> _instances = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Exception, int> _attemptExceptions = new(ReferenceEqualityComparer.Instance);
    private int _attempts;
    private bool _sealed;

    public HistoryRecorder(int callerCount) => CallerCount = callerCount;

    public int CallerCount { get; }

    /// <summary>True once <see cref="Seal"/> has cut the history: nothing recorded after that is kept.</summary>
    public bool IsSealed
    {
        get
        {
            lock (_gate)
            {
                return _sealed;
            }
        }
    }

    /// <summary>
    /// Cuts the history here: every event recorded from now on is dropped. An engine calls it at the moment it stops a run
    /// itself (Coyote, when it gives up on a deadlock or a step bound), because what the run's operations do while they are
    /// torn down (finally blocks, a waiter let through outside the schedule) is not an observation of the implementation.
    /// </summary>
    public void Seal()
    {
        lock (_gate)
        {
            _sealed = true;
        }
    }

    /// <summary>Numbers a new attempt and records that it started on <paramref name="instance"/>.</summary>
    public int StartAttempt(object instance, int? caller)
    {
        lock (_gate)
        {
            var number = ++_attempts;
            AddLocked(EventKind.AttemptStarted, caller, number, InstanceIdLocked(instance), null);
            return number;
        }
    }

    /// <summary>Records that attempt <paramref name="attempt"/> threw <paramref name="exception"/>, remembering the object.</summary>
    public void AttemptFailed(int attempt, int? caller, Exception exception, EventKind kind = EventKind.AttemptFailed)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var thrown = ExceptionOrigin.Of(exception);
        lock (_gate)
        {
            _attemptExceptions[exception] = attempt;
            AddLocked(kind, caller, attempt, null, Describe(exception), thrown);
        }
    }

    public void Add(EventKind kind, int? caller = null, int? attempt = null, string? detail = null)
    {
        lock (_gate)
        {
            AddLocked(kind, caller, attempt, null, detail);
        }
    }

    /// <summary>Records that a get of <paramref name="caller"/> returned <paramref name="value"/>.</summary>
    public void GetReturned(int caller, object? value)
    {
        lock (_gate)
        {
            AddLocked(EventKind.GetReturned, caller, null, value is null ? null : InstanceIdLocked(value), value is null ? "null" : null);
        }
    }

    /// <summary>Records how a get of <paramref name="caller"/> ended with <paramref name="exception"/>.</summary>
    public void GetThrew(int caller, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var thrown = ExceptionOrigin.Of(exception);
        lock (_gate)
        {
            if (exception is OperationCanceledException)
            {
                AddLocked(EventKind.GetCanceled, caller, null, null, exception.GetType().Name, thrown);
                return;
            }

            int? attempt = _attemptExceptions.TryGetValue(exception, out var number) ? number : null;
            AddLocked(EventKind.GetThrew, caller, attempt, null, Describe(exception), thrown);
        }
    }

    /// <summary>
    /// Runs <paramref name="decide"/> with no other event recorded meanwhile, for a decision that must be taken and recorded
    /// at one point of the history (on the real thread pool, other threads record concurrently).
    /// </summary>
    public T Atomically<T>(Func<T> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        lock (_gate)
        {
            return decide();
        }
    }

    public History ToHistory()
    {
        lock (_gate)
        {
            return new History(_events, CallerCount);
        }
    }

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    private int InstanceIdLocked(object instance)
    {
        if (!_instances.TryGetValue(instance, out var id))
        {
            id = _instances.Count + 1;
            _instances[instance] = id;
        }

        return id;
    }

    private void AddLocked(EventKind kind, int? caller, int? attempt, int? instance, string? detail, ImmutableArray<ExceptionOrigin> thrown = default)
    {
        if (_sealed)
        {
            return;
        }

        _events.Add(new HistoryEvent(_events.Count + 1, kind, caller, attempt, instance, detail) { Thrown = thrown.IsDefault ? [] : thrown });
    }
}
