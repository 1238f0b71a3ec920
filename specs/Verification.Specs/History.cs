using System.Collections.Immutable;

namespace Verification.Specs;

/// <summary>A complete or partial run history, with the derived views the oracles need.</summary>
public sealed class History
{
    public History(IEnumerable<HistoryEvent> events, int callerCount)
    {
        Events = [.. events.OrderBy(e => e.Sequence)];
        CallerCount = callerCount;
        Gets = BuildGets(Events);
        Attempts = BuildAttempts(Events);
        Resets = BuildResets(Events);
    }

    public ImmutableArray<HistoryEvent> Events { get; }

    public int CallerCount { get; }

    public ImmutableArray<GetCall> Gets { get; }

    public ImmutableArray<AttemptRun> Attempts { get; }

    public ImmutableArray<ResetCall> Resets { get; }

    /// <summary>The epoch at <paramref name="sequence"/>: how many resets had ended before it.</summary>
    public int EpochAt(int sequence) => Resets.Count(r => r.End is int end && end < sequence);

    /// <summary>True if some reset was running (started, not ended) at any point within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool ResetOverlaps(int from, int? to) =>
        Resets.Any(r => r.Start < (to ?? int.MaxValue) && (r.End ?? int.MaxValue) > from);

    public AttemptRun? AttemptFor(int instance, Func<AttemptRun, bool>? where = null) =>
        Attempts.FirstOrDefault(a => a.Instance == instance && (where is null || where(a)));

    /// <summary>
    /// The earliest point at which the implementation may have committed to <paramref name="attempt"/>: the start of the
    /// earliest get of the caller it is attributed to that was still running when the attempt started or had ended
    /// cancelled before (a cancelled get may have set the attempt up and left). The attempt's own start when no such get
    /// exists.
    /// </summary>
    /// <remarks>
    /// The widest reading, where <see cref="StarterOf"/> is the narrowest: an oracle that must not compare what may belong to
    /// two epochs needs the earliest possible commitment, one that must be sure who waited needs the certain starter.
    /// </remarks>
    internal int EarliestCommitmentTo(AttemptRun attempt) =>
        attempt.Caller is int caller
            ? Gets.Where(g => g.Caller == caller && g.Start < attempt.Start && (g.End is null || g.End > attempt.Start || g.Outcome == CallOutcome.Canceled))
                  .Select(g => g.Start)
                  .DefaultIfEmpty(attempt.Start)
                  .Min()
            : attempt.Start;

    /// <summary>
    /// The get whose call started <paramref name="attempt"/>, when the history tells it for certain; null otherwise.
    /// </summary>
    /// <remarks>
    /// A get is observed only as an interval: when it started waiting on an attempt is not recorded, so a get that is in
    /// progress may not have reached the implementation yet. The call that started an attempt is the one get known to be
    /// inside it. It is the latest get of the caller the attempt is attributed to that started before the attempt did,
    /// provided it was still running when the attempt started and that caller had no earlier get that ended cancelled
    /// (such a get may have set the attempt up and left before it started).
    /// </remarks>
    internal GetCall? StarterOf(AttemptRun attempt)
    {
        if (attempt.Caller is not int caller)
        {
            return null;
        }

        var before = Gets.Where(g => g.Caller == caller && g.Start < attempt.Start).OrderBy(g => g.Start).ToList();
        if (before.Count == 0)
        {
            return null;
        }

        var starter = before[^1];
        var running = starter.End is null || starter.End > attempt.Start;
        var leftBehind = before.Take(before.Count - 1).Any(g => g.Outcome == CallOutcome.Canceled);
        return running && !leftBehind ? starter : null;
    }

    private static ImmutableArray<GetCall> BuildGets(ImmutableArray<HistoryEvent> events)
    {
        var calls = ImmutableArray.CreateBuilder<GetCall>();
        var open = new Dictionary<int, GetCall>();
        foreach (var e in events)
        {
            if (e.Caller is not int caller)
            {
                continue;
            }

            switch (e.Kind)
            {
                case EventKind.GetStarted:
                    open[caller] = new GetCall(caller, e.Sequence, null, CallOutcome.Pending, null, null, null, null);
                    break;
                case EventKind.CancelRequested when open.TryGetValue(caller, out var call):
                    open[caller] = call with { CancelRequestedAt = call.CancelRequestedAt ?? e.Sequence };
                    break;
                case EventKind.GetReturned or EventKind.GetThrew or EventKind.GetCanceled when open.Remove(caller, out var call):
                    calls.Add(call with
                    {
                        End = e.Sequence,
                        Outcome = e.Kind switch
                        {
                            EventKind.GetReturned => CallOutcome.Returned,
                            EventKind.GetThrew => CallOutcome.Threw,
                            _ => CallOutcome.Canceled,
                        },
                        Instance = e.Kind == EventKind.GetReturned ? e.Instance : null,
                        ExceptionAttempt = e.Kind == EventKind.GetThrew ? e.Attempt : null,
                        Detail = e.Detail,
                    });
                    break;
                default:
                    break;
            }
        }

        calls.AddRange(open.Values.OrderBy(c => c.Start));
        return calls.ToImmutable();
    }

    private static ImmutableArray<AttemptRun> BuildAttempts(ImmutableArray<HistoryEvent> events)
    {
        var runs = new SortedDictionary<int, AttemptRun>();
        foreach (var e in events)
        {
            if (e.Attempt is not int number)
            {
                continue;
            }

            if (e.Kind == EventKind.AttemptStarted)
            {
                runs[number] = new AttemptRun(number, e.Instance ?? 0, e.Caller, e.Sequence, null, AttemptOutcome.Pending);
                continue;
            }

            if (e.Kind == EventKind.AttemptCancelRequested)
            {
                if (runs.TryGetValue(number, out var running) && running is { End: null, CancelRequestedAt: null })
                {
                    runs[number] = running with { CancelRequestedAt = e.Sequence };
                }

                continue;
            }

            var outcome = e.Kind switch
            {
                EventKind.AttemptSucceeded => AttemptOutcome.Succeeded,
                EventKind.AttemptFailed => AttemptOutcome.Failed,
                EventKind.AttemptCanceled => AttemptOutcome.Canceled,
                EventKind.AttemptReleased => AttemptOutcome.Released,
                _ => AttemptOutcome.Pending,
            };
            if (outcome != AttemptOutcome.Pending && runs.TryGetValue(number, out var run) && run.End is null)
            {
                runs[number] = run with { End = e.Sequence, Outcome = outcome };
            }
        }

        return [.. runs.Values];
    }

    private static ImmutableArray<ResetCall> BuildResets(ImmutableArray<HistoryEvent> events)
    {
        var resets = ImmutableArray.CreateBuilder<ResetCall>();
        var open = new Dictionary<int, int>();
        foreach (var e in events)
        {
            if (e.Kind == EventKind.ResetStarted && e.Caller is int starter)
            {
                open[starter] = e.Sequence;
            }
            else if (e.Kind == EventKind.ResetEnded && e.Caller is int ender && open.Remove(ender, out var start))
            {
                resets.Add(new ResetCall(ender, start, e.Sequence));
            }
        }

        resets.AddRange(open.Select(kv => new ResetCall(kv.Key, kv.Value, null)));
        return [.. resets.OrderBy(r => r.Start)];
    }
}
