using System.Collections.Immutable;
using Microsoft.Coyote.Specifications;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The body of one iteration of <see cref="CoyoteExplorer"/>: run the scenario, judge the history against every variant,
/// keep the first violation of each (variant, property). It asserts only when witnessing, and then only for the chosen
/// properties under the declared contract. Iterations that Coyote stops itself (a deadlock) are judged on their partial
/// history at the end of the iteration.
/// </summary>
/// <remarks>
/// The body and the end-of-iteration callback never run at the same time (the engine waits for the iteration before it
/// calls back), so the state here needs no lock; a lock here would be rewritten into one Coyote controls.
/// </remarks>
internal sealed class ExplorationIteration(
    Implementation executed,
    DeclaredContract declared,
    Scenario scenario,
    ImmutableArray<ContractVariant> variants,
    uint seed,
    ImmutableHashSet<Property>? assertOn)
{
    private const string NoResetHook = "ResetAsync threw NotSupportedException: the implementation has no reset hook.";

    private readonly ContractVariant _declared = ContractVariant.Of(declared);
    private readonly HashSet<(ContractVariant, Property, bool)> _seen = [];
    private readonly ImmutableArray<VariantViolation>.Builder _violations = ImmutableArray.CreateBuilder<VariantViolation>();
    private HistoryRecorder? _recorder;
    private int _started;
    private int _unexplainedStops;
    private string? _fault;
    private string? _resetProblem;
    private volatile bool _closed;
    private bool _stopping;

    public int Iterations { get; private set; }

    public bool LastCompleted { get; private set; }

    /// <summary>The declared contract's violations in the last completed iteration.</summary>
    public ImmutableArray<Violation> LastViolations { get; private set; } = [];

    public History? LastHistory() => _recorder?.ToHistory();

    /// <summary>Makes the remaining iterations return at once: nothing they could show would change the verdict.</summary>
    public void StopExploring() => _stopping = true;

    public async Task RunAsync()
    {
        if (_stopping)
        {
            return;
        }

        var recorder = new HistoryRecorder(scenario.Callers.Length);
        _recorder = recorder;
        _started++;
        LastCompleted = false;
        LastViolations = [];
        string? fault = null;
        var noResetHook = false;
        try
        {
            await ScenarioExecutor.ExecuteAsync(executed, executed.CreateAdapter(), scenario, recorder).ConfigureAwait(false);
        }
        catch (ImplementationFaultException e)
        {
            fault = e.Message;
        }
        catch (NotSupportedException) when (scenario.UsesReset)
        {
            // The executor catches whatever a get throws, so this came out of ResetAsync: the default, "no reset".
            noResetHook = true;
        }

        LastCompleted = true;
        var declaredViolations = Observe(recorder.ToHistory(), fault, noResetHook, stoppedByCoyote: false);

        // Called in both modes, so exploring and witnessing make exactly the same calls into the runtime.
        var chosen = assertOn is null ? [] : declaredViolations.Where(v => assertOn.Contains(v.Property)).ToList();
        Specification.Assert(chosen.Count == 0, CoyoteIteration.ViolationMarker + string.Join("; ", chosen));
    }

    /// <summary>Called by the engine after every iteration, including those it stopped itself.</summary>
    public void EndIteration()
    {
        if (_closed || _stopping)
        {
            return;
        }

        Iterations++;
        if (!LastCompleted && _recorder is { } recorder)
        {
            Observe(recorder.ToHistory(), fault: null, noResetHook: false, stoppedByCoyote: true);
        }
    }

    /// <summary>Stops recording (an iteration still running past a time limit is ignored) and returns what was seen.</summary>
    public (int Iterations, ImmutableArray<VariantViolation> Violations, string? ResetProblem, string? Fault, int UnexplainedStops) Close()
    {
        _closed = true;
        return (Iterations, _violations.ToImmutable(), _resetProblem, _fault, _unexplainedStops);
    }

    private ImmutableArray<Violation> Observe(History history, string? fault, bool noResetHook, bool stoppedByCoyote)
    {
        if (_closed)
        {
            return [];
        }

        if (fault is not null)
        {
            _fault ??= fault;
            return [];
        }

        string? table = null;
        var any = false;
        var declaredViolations = ImmutableArray<Violation>.Empty;
        foreach (var variant in variants)
        {
            var violations = noResetHook
                ? [new Violation(Property.Reset, NoResetHook)]
                : Contract.Judge(history, variant.ToContract(declared.SupportsReset));
            any |= !violations.IsEmpty;
            if (variant == _declared)
            {
                declaredViolations = violations;
            }

            // First sightings are kept apart for stopped iterations: if Coyote turns out not to be sure of its deadlocks,
            // those are dropped and the completed iterations' sightings must still be there.
            foreach (var violation in violations.Where(v => _seen.Add((variant, v.Property, stoppedByCoyote))))
            {
                table ??= HistoryTable.Render(history);
                _violations.Add(new VariantViolation(variant, violation, seed, _started, table, stoppedByCoyote));
            }
        }

        if (noResetHook)
        {
            _resetProblem ??= NoResetHook;
        }
        else if (scenario.UsesReset && history.Resets.FirstOrDefault(r => r.End is null) is { } stuck)
        {
            _resetProblem ??= $"caller {stuck.Caller}'s reset never completed (seed {seed}, iteration {_started}).";
        }

        if (stoppedByCoyote && !any)
        {
            _unexplainedStops++;
        }

        LastViolations = declaredViolations;
        return declaredViolations;
    }
}
