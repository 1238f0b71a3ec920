using Microsoft.Coyote.SystematicTesting;

namespace Verification.Core;

/// <summary>What a Coyote run left behind: its report (bugs, iterations, steps, uncontrolled calls) and its wall time.</summary>
public sealed record HostedRun(TestReport Report, TimeSpan Elapsed)
{
    /// <summary>Iterations explored, fair and unfair.</summary>
    public int Iterations => Report.NumOfExploredFairPaths + Report.NumOfExploredUnfairPaths;

    /// <summary>The most scheduling steps any iteration took.</summary>
    public int MaxSteps => Math.Max(Report.MaxExploredFairSteps, Report.MaxExploredUnfairSteps);
}
