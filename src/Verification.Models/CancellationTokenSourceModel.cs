using System.Runtime.CompilerServices;

namespace Verification.Models;

/// <summary>
/// <see cref="CancellationTokenSource.CancelAfter(int)"/> and the constructors that take a delay, with the moment of
/// cancellation a scheduler choice: Coyote 1.7.11 lets them run a real timer, outside the schedule.
/// </summary>
/// <remarks>
/// The pending cancellation is an operation that the scheduler may run before or after any other; a later
/// <c>CancelAfter</c> replaces an earlier one, and <see cref="Timeout.Infinite"/> withdraws it, as the real method does.
/// </remarks>
[ModelOf(typeof(CancellationTokenSource))]
public static class CancellationTokenSourceModel
{
    private static readonly ConditionalWeakTable<CancellationTokenSource, PendingCancel> Pending = new();

    public static CancellationTokenSource New(int millisecondsDelay)
    {
        if (!ControlledExecution.IsActive)
        {
            return new CancellationTokenSource(millisecondsDelay);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, Timeout.Infinite);
        var source = new CancellationTokenSource();
        if (millisecondsDelay == 0)
        {
            // As the real constructor: a zero delay means a source that starts cancelled.
            source.Cancel();
        }
        else
        {
            CancelAfter(source, millisecondsDelay);
        }

        return source;
    }

    public static CancellationTokenSource New(TimeSpan delay) => New(Timeouts.Milliseconds(delay));

    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay) =>
        CancelAfter(source, Timeouts.Milliseconds(delay));

    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!ControlledExecution.IsActive)
        {
            source.CancelAfter(millisecondsDelay);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, Timeout.Infinite);
        _ = source.Token; // throws ObjectDisposedException for a disposed source, as the real method does
        var pending = Pending.GetOrCreateValue(source);
        var generation = ++pending.Generation;
        if (millisecondsDelay == Timeout.Infinite || source.IsCancellationRequested)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            if (pending.Generation != generation)
            {
                return;
            }

            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposing a source stops its timer: a disposed source is never cancelled by it.
            }
        }, CancellationToken.None);
    }

    private sealed class PendingCancel
    {
        public int Generation { get; set; }
    }
}
