using Verification.Core;

namespace Verification.Cli.Reports;

/// <summary>How a failure can be replayed: the trace a run recorded and the commands that replay it.</summary>
/// <param name="TracePath">The trace, if one was recorded.</param>
/// <param name="InProcess">Replays the trace with this command line (<c>replay TRACE</c>); null without a trace.</param>
/// <param name="WithCoyote">Replays it with the Coyote command line, if the run gave one.</param>
/// <param name="Iterations">The iteration that failed: how many the recording run took.</param>
/// <param name="Settings">What the recording run ran with (budget, seed, strategy).</param>
internal sealed record ReplayView(string? TracePath, string? InProcess, string? WithCoyote, int Iterations, RunSettings Settings)
{
    /// <summary>True if both replay commands can be shown: there is a trace and a Coyote command for it.</summary>
    public bool HasBothCommands => InProcess is not null && WithCoyote is not null;

    /// <summary>The replay of <paramref name="witness"/>, or null if the failure has no replayable run.</summary>
    public static ReplayView? Of(RunResult? witness) => witness is null
        ? null
        : new ReplayView(
            witness.TracePath,
            witness.TracePath is { } trace ? ReplayCommands.VerifyCli(trace) : null,
            witness.ReplayCommand,
            witness.Iterations,
            witness.Settings);
}
