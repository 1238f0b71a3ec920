using System.Collections.Immutable;
using Microsoft.Coyote.Specifications;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The body of one Coyote iteration: run the case, judge the history, assert. It keeps the last iteration's history so
/// that a bug Coyote finds by itself (a deadlock) can still be shown as a history.
/// </summary>
internal sealed class CoyoteIteration(VerificationCase verificationCase)
{
    internal const string ViolationMarker = "Contract violated: ";

    public HistoryRecorder? LastRecorder { get; private set; }

    public ImmutableArray<Violation> LastViolations { get; private set; } = [];

    public string? LastFault { get; private set; }

    public async Task RunAsync()
    {
        var (implementation, scenario) = verificationCase;
        var recorder = new HistoryRecorder(scenario.Callers.Length);
        LastRecorder = recorder;
        LastViolations = [];
        LastFault = null;
        try
        {
            await ScenarioExecutor.ExecuteAsync(implementation, implementation.CreateAdapter(), scenario, recorder).ConfigureAwait(false);
        }
        catch (ImplementationFaultException fault)
        {
            LastFault = fault.Message;
            Specification.Assert(false, fault.Message);
        }

        var violations = Contract.Judge(recorder.ToHistory(), implementation.Contract);
        if (!violations.IsEmpty)
        {
            LastViolations = violations;
            Specification.Assert(false, ViolationMarker + string.Join("; ", violations));
        }
    }
}
