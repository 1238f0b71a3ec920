using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The one iteration body of every Coyote run, and its observer. The body runs the scenario, judges the history against
/// every variant of the plan, and asserts when the declared contract is violated (or the implementation could not be
/// built), so that Coyote files the iteration as a bug and writes its trace. The observer settles each iteration when
/// Coyote has filed it: it keeps the first violation of each (variant, property), classifies the iterations Coyote stopped
/// itself, and writes the trace, case file and Coyote report of each first declared violation from this very run.
/// </summary>
/// <remarks>
/// The body calls <c>Specification.Assert</c> exactly once in every iteration, whatever the plan, so
/// exploring, replaying and the Coyote command line make the same calls into the runtime and follow the same schedules.
/// The body and the callbacks never run at the same time (the engine waits for the iteration before it calls back), so the
/// state here needs no lock; a lock here would be rewritten into one Coyote controls.
/// Coyote's own <c>Stop</c> returns from the run while the current iteration may still be running on the engine's thread,
/// so a run that has seen enough makes its remaining iterations return at once instead.
/// </remarks>
public sealed class ExplorationIteration : IIterationObserver
{
    internal const string ViolationMarker = "Contract violated: ";

    /// <summary>
    /// Potential deadlocks a run explores past before it stops. Each costs Coyote's deadlock timeout (a second) of wall time,
    /// and an unmodelled lock can hit one in most iterations: a budget of a thousand would take a quarter of an hour.
    /// </summary>
    internal const int PotentialDeadlocksExplored = 10;

    private const string NoResetHook = "ResetAsync threw NotSupportedException: the implementation has no reset hook.";

    private readonly ExplorationPlan _plan;
    private readonly Stopwatch _clock = new();
    private readonly HashSet<(ContractVariant, Property, bool)> _seen = [];
    private readonly ImmutableArray<VariantViolation>.Builder _violations = ImmutableArray.CreateBuilder<VariantViolation>();
    private readonly List<RunResult> _witnesses = [];
    private readonly HashSet<string> _bugTexts = [];

    // The iteration in flight, set by the body and settled after Coyote files it.
    private HistoryRecorder? _recorder;
    private History? _history;
    private bool _completed;
    private string? _iterationFault;
    private bool _noResetHook;
    private string? _artefact;
    private ImmutableArray<(ContractVariant Variant, ImmutableArray<Violation> Violations)> _judged = [];
    private bool _unsettled;
    private int _bugsFiled;

    // What the run has seen so far.
    private int _started;
    private int _unexplainedStops;
    private string? _firstUnexplained;
    private string? _fault;
    private string? _resetProblem;
    private string? _potentialDeadlock;
    private int _potentialDeadlocks;
    private int _unjudged;
    private string? _firstUnjudged;
    private bool _getSeen;
    private bool _attemptSeen;
    private string? _staticStateLeak;
    private volatile bool _closed;
    private bool _stopping;

    public ExplorationIteration(ExplorationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
    }

    /// <summary>Iterations Coyote finished (including those it stopped itself), not counting those skipped after a stop.</summary>
    public int Iterations { get; private set; }

    /// <summary>The iteration body.</summary>
    public async Task RunAsync()
    {
        if (_stopping)
        {
            return;
        }

        _clock.Start();
        var recorder = new HistoryRecorder(_plan.Scenario.Callers.Length);
        _recorder = recorder;
        _history = null;
        _started++;
        _completed = false;
        _iterationFault = null;
        _noResetHook = false;
        _artefact = null;
        _judged = [];

        // Coyote raises OnFailure at the moment it decides to stop the iteration (a deadlock, the step bound, an assertion),
        // before it tears the iteration's operations down. What they do while torn down (finally blocks, a waiter Coyote lets
        // through, running on outside the schedule) is not an observation: the history ends here. Each iteration has a fresh
        // runtime, so the handler goes with it.
        RuntimeProvider.Current.OnFailure += _ => recorder.Seal();
        var executed = _plan.Executed;
        try
        {
            await ScenarioExecutor.ExecuteAsync(executed, executed.CreateAdapter(), _plan.Scenario, recorder).ConfigureAwait(false);
        }
        catch (ImplementationFaultException e)
        {
            _iterationFault = e.Message;
        }
        catch (NotSupportedException) when (_plan.Scenario.UsesReset)
        {
            // The executor catches whatever a get throws, so this came out of ResetAsync: the default, "no reset".
            _noResetHook = true;
        }

        if (recorder.IsSealed)
        {
            // Coyote stopped this iteration and the body ran on outside the schedule: the observer settles it on the history
            // as it stood at the stop.
            return;
        }

        _completed = true;
        var history = recorder.ToHistory();
        _history = history;
        _artefact = _iterationFault is null ? EngineArtefacts.Find(history, _plan.Scenario, underCoyote: true) : null;
        _judged = _iterationFault is null && _artefact is null ? [.. _plan.Variants.Select(v => (v, JudgeAgainst(v, history)))] : [];
        var declared = _plan.JudgesDeclared ? ViolationsOf(_plan.Declared) : [];
        var failure = _iterationFault ?? (declared.IsEmpty ? null : ViolationMarker + string.Join("; ", declared));
        Specification.Assert(failure is null, failure ?? string.Empty);
    }

    /// <inheritdoc/>
    public void IterationStarting(EngineView engine) => Settle(engine);

    /// <inheritdoc/>
    public void IterationEnded(EngineView engine)
    {
        if (_closed || _stopping)
        {
            return;
        }

        // Operations Coyote tears down after it stops an iteration may still record (finally blocks): they are not
        // observations, so the history of a stopped iteration is taken as it stood when the iteration ended. A completed
        // iteration's history is the one its body judged.
        if (!_completed)
        {
            _history = _recorder?.ToHistory();
        }
        Iterations++;
        _unsettled = true;
    }

    /// <inheritdoc/>
    public void RunEnded(EngineView engine)
    {
        Settle(engine);
        _closed = true;
        _clock.Stop();
    }

    /// <summary>Makes the remaining iterations return at once: nothing they could show would change the verdict.</summary>
    public void StopExploring() => _stopping = true;

    /// <summary>What the run saw, once it has ended.</summary>
    internal ExplorationRun Close(HostedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _closed = true;
        var implementation = _plan.Implementation;
        var uncontrolled = Uncontrolled.Of(run.Report, implementation);
        var violations = _violations.ToImmutable();
        var witnesses = _witnesses.ToImmutableArray();
        if (_potentialDeadlock is not null || !uncontrolled.Concurrency.IsEmpty)
        {
            // A stop Coyote is unsure of, or one amid concurrency it does not control, may be the engine's own: the callers it
            // left waiting prove nothing about LIVE. What the history already showed of the other properties happened.
            violations = [.. violations.Where(v => !(v.InStoppedIteration && v.Violation.Property == Property.Live))];
            witnesses = [.. witnesses.Select(WithoutUnprovenLive).OfType<RunResult>()];
        }

        witnesses = [.. witnesses.Select(w => Finish(w, uncontrolled))];
        return new ExplorationRun(
            _plan, Iterations, run.Elapsed, violations, witnesses, _resetProblem, _fault, uncontrolled.All, InconclusiveCause(uncontrolled))
        {
            NoAttemptStarted = _getSeen && !_attemptSeen && StartsAnAttempt(_plan.Scenario)
                ? $"No initialization attempt started in any explored schedule ({Iterations} iteration(s)), although callers called get: there was nothing to judge."
                : null,
        };
    }

    /// <summary>
    /// True if every schedule of <paramref name="scenario"/> must start an attempt: some get is never cancelled, so it must
    /// be handed an initialized instance. A scenario whose every get may be cancelled before it reaches the implementation
    /// can legitimately start none.
    /// </summary>
    private static bool StartsAnAttempt(Scenario scenario) =>
        scenario.Callers.Any(ops => ops.Any(o => !o.IsReset && o.Cancel == CancelTiming.Never));

    private ImmutableArray<Violation> JudgeAgainst(ContractVariant variant, History history) =>
        _noResetHook
            ? [new Violation(Property.Reset, NoResetHook)]
            : Contract.Judge(history, variant.ToContract(_plan.Implementation.Contract.SupportsReset));

    private ImmutableArray<Violation> ViolationsOf(ContractVariant variant) =>
        _judged.FirstOrDefault(j => j.Variant == variant).Violations is { IsDefault: false } found ? found : [];

    /// <summary>Settles the iteration that just ended, now that Coyote has filed its bug and trace.</summary>
    private void Settle(EngineView engine)
    {
        if (!_unsettled || _closed)
        {
            return;
        }

        _unsettled = false;
        var bug = NewBug(engine);
        var history = _history;
        if (history is null)
        {
            return;
        }

        _getSeen |= !history.Gets.IsEmpty;
        _attemptSeen |= !history.Attempts.IsEmpty;
        if (_completed)
        {
            if (_iterationFault is not null)
            {
                _fault ??= _iterationFault;
                Witness(engine, history, [], _iterationFault, stopped: false);
                return;
            }

            if (_artefact is not null)
            {
                NotJudged(_artefact);
                return;
            }

            Record(engine, history, stoppedByCoyote: false);
            return;
        }

        // Coyote stopped the iteration itself: judge what the history showed up to the stop, by the kind of stop.
        var kind = bug is null ? CoyoteStopKind.Other : CoyoteStop.Classify(bug);
        switch (kind)
        {
            case CoyoteStopKind.StaticStateLeak:
                _staticStateLeak ??= bug;
                return;
            case CoyoteStopKind.PotentialDeadlock:
                // An inconclusive iteration, not an inconclusive cell: the rest of the budget is still explored, so a real
                // violation in another schedule is found (each further one costs Coyote's deadlock timeout).
                _potentialDeadlock ??= bug;
                if (++_potentialDeadlocks == PotentialDeadlocksExplored)
                {
                    StopExploring();
                }

                break;
            default:
                break;
        }

        if (EngineArtefacts.Find(history, _plan.Scenario, underCoyote: true) is { } artefact)
        {
            NotJudged(artefact);
            return;
        }

        var stuck = StuckCallers.Of(history, _plan.Scenario);
        var liveCause = bug is null ? null : CoyoteStop.LiveCause(kind, bug) is { } cause ? $"{stuck} {cause}".TrimStart() : null;
        _judged = [.. _plan.Variants.Select(v => (v, WithLiveCause(JudgeAgainst(v, history), liveCause)))];
        if (!Record(engine, history, stoppedByCoyote: true))
        {
            _unexplainedStops++;
            _firstUnexplained ??= bug ?? "no report";
        }
    }

    /// <summary>An iteration whose history shows the engine, not the implementation: it is not judged, and the run cannot pass.</summary>
    private void NotJudged(string cause)
    {
        _unjudged++;
        _firstUnjudged ??= $"{cause} (seed {_plan.Settings.Seed}, iteration {_started})";
    }

    /// <summary>
    /// Keeps the first sighting of each (variant, property) and witnesses the declared contract's new ones with the trace of
    /// this iteration; returns true if the iteration violated anything under any variant.
    /// </summary>
    private bool Record(EngineView engine, History history, bool stoppedByCoyote)
    {
        string? table = null;
        var any = false;
        var declaredIsNew = false;
        foreach (var (variant, violations) in _judged)
        {
            any |= !violations.IsEmpty;

            // Sightings in stopped iterations are kept apart: if Coyote turns out not to be sure of its stops, their LIVE
            // sightings are dropped, and those of completed iterations must still be there.
            foreach (var violation in violations.Where(v => _seen.Add((variant, v.Property, stoppedByCoyote))))
            {
                table ??= HistoryTable.Render(history);
                _violations.Add(new VariantViolation(variant, violation, _plan.Settings.Seed, _started, table, stoppedByCoyote));
                declaredIsNew |= _plan.JudgesDeclared && variant == _plan.Declared;
            }
        }

        if (_noResetHook)
        {
            _resetProblem ??= NoResetHook;
        }
        else if (_plan.Scenario.UsesReset && history.Resets.FirstOrDefault(r => r.End is null) is { } stuck)
        {
            _resetProblem ??= $"caller {stuck.Caller}'s reset never completed (seed {_plan.Settings.Seed}, iteration {_started}).";
        }

        if (declaredIsNew)
        {
            Witness(engine, history, ViolationsOf(_plan.Declared), null, stoppedByCoyote);
        }

        return any;
    }

    private void Witness(EngineView engine, History history, ImmutableArray<Violation> violations, string? diagnosis, bool stopped)
    {
        var verificationCase = _plan.Case;
        var settings = _plan.Settings;
        string? tracePath = null;
        if (!string.IsNullOrEmpty(engine.ReproducibleTrace))
        {
            var name = Artefacts.Name(verificationCase, settings.Seed, violations.Select(v => v.Property));
            tracePath = Artefacts.WriteTrace(settings.ResultsDirectory, name, engine.ReproducibleTrace, engine.ReadableTrace, verificationCase, violations.FirstOrDefault()?.Property);
        }

        _witnesses.Add(new RunResult(
            _plan.Implementation, _plan.Scenario, settings, Verdict.Fail, violations, _started, _clock.Elapsed,
            tracePath, HistoryTable.Render(history), tracePath is null ? null : ReplayCommands.CoyoteCli(verificationCase, tracePath), [], diagnosis)
        {
            InStoppedIteration = stopped,
        });
        if (_plan.StopAtFirstFailure)
        {
            StopExploring();
        }
    }

    /// <summary>The bug Coyote filed for the iteration just settled, or null if it filed none.</summary>
    private string? NewBug(EngineView engine)
    {
        if (engine.BugsFound == _bugsFiled)
        {
            return null;
        }

        _bugsFiled = engine.BugsFound;

        // Coyote keeps distinct reports only: a report seen before is this iteration's if no new one appeared.
        var fresh = engine.BugReports.FirstOrDefault(_bugTexts.Add);
        foreach (var text in engine.BugReports)
        {
            _bugTexts.Add(text);
        }

        return fresh ?? engine.BugReports.FirstOrDefault(b => !b.StartsWith(ViolationMarker, StringComparison.Ordinal)) ?? engine.BugReports.FirstOrDefault();
    }

    private static ImmutableArray<Violation> WithLiveCause(ImmutableArray<Violation> violations, string? cause)
    {
        if (cause is null)
        {
            // A stop that is not a hang (an exception inside Coyote, say) leaves callers waiting that prove nothing.
            return [.. violations.Where(v => v.Property != Property.Live)];
        }

        var live = violations.FirstOrDefault(v => v.Property == Property.Live);
        return live is null
            ? violations.Add(new Violation(Property.Live, cause))
            : violations.Replace(live, live with { Reason = $"{live.Reason} {cause}" });
    }

    private static RunResult? WithoutUnprovenLive(RunResult witness)
    {
        if (!witness.InStoppedIteration)
        {
            return witness;
        }

        var kept = witness.Violations.Where(v => v.Property != Property.Live).ToImmutableArray();
        return kept.IsEmpty ? null : witness with { Violations = kept };
    }

    /// <summary>Adds what only the end of the run knows (what Coyote did not control) and writes the failure beside its trace.</summary>
    private static RunResult Finish(RunResult witness, Uncontrolled uncontrolled)
    {
        var finished = witness with { Uncontrolled = uncontrolled.All, Diagnosis = witness.Diagnosis ?? uncontrolled.ReplayNote };
        if (finished.TracePath is { } trace)
        {
            Artefacts.WriteHistory(trace, finished.Describe());
        }

        return finished;
    }

    /// <summary>Why the run's clean iterations prove nothing, in the order of what explains most; null if they do.</summary>
    private string? InconclusiveCause(Uncontrolled uncontrolled)
    {
        if (_potentialDeadlock is not null)
        {
            var suspects = uncontrolled.Concurrency.AddRange(UncontrolledApiScan.Suspects(_plan.Implementation.AdapterType));
            var named = suspects.IsEmpty ? "a lock or wait outside Coyote's model" : string.Join("; ", suspects);
            var stopped = _stopping && _potentialDeadlocks >= PotentialDeadlocksExplored
                ? $" (the exploration stopped after {PotentialDeadlocksExplored} of them, each of which costs Coyote's deadlock timeout)"
                : string.Empty;
            return $"Coyote could not tell a deadlock from a wait on something it does not control, in {_potentialDeadlocks} of {Iterations} iteration(s){stopped}: {named}. " +
                $"The stress engine can still exercise it. Coyote said: {CoyoteStop.FirstLine(_potentialDeadlock)}";
        }

        if (_firstUnjudged is not null)
        {
            return $"{_unjudged} of {Iterations} iteration(s) showed the engine, not the implementation, and were not judged; the first: {_firstUnjudged}";
        }

        if (!uncontrolled.Concurrency.IsEmpty)
        {
            return $"Coyote cannot control {string.Join("; ", uncontrolled.Concurrency)}, so a clean run proves nothing.";
        }

        if (_staticStateLeak is not null)
        {
            return CoyoteStop.StaticStateLeakCause(_staticStateLeak);
        }

        return _unexplainedStops == 0
            ? null
            : $"Coyote stopped {_unexplainedStops} iteration(s) and no property explains why: {CoyoteStop.FirstLine(_firstUnexplained ?? "no report")}";
    }
}
