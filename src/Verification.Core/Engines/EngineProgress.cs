using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>Where an engine is: which implementation and activity, how many iterations of how many, for how long.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Implementation">The implementation being checked.</param>
/// <param name="Activity">What is running, e.g. the scenario.</param>
/// <param name="Iterations">Iterations done in this activity.</param>
/// <param name="PlannedIterations">Iterations planned for it, if known.</param>
/// <param name="Elapsed">Time spent on it.</param>
/// <param name="Finished">True on the last report of the activity.</param>
public sealed record EngineProgress(
    string Engine,
    Implementation Implementation,
    string Activity,
    int Iterations,
    int? PlannedIterations,
    TimeSpan Elapsed,
    bool Finished);
