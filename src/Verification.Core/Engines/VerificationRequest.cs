using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>What the verify command asks of an engine.</summary>
/// <param name="Budget">Iterations, seeds, strategy, time limit and output folder.</param>
/// <param name="Properties">The properties to judge and report.</param>
/// <param name="Characterize">Whether to find the implementation's fingerprint as well.</param>
/// <param name="Scenarios">The scenarios to run, or default for the standard ones.</param>
/// <param name="StopAtFirstFailure">Whether each run stops at its first failure; the properties it did not get to are then inconclusive.</param>
public sealed record VerificationRequest(
    Budget Budget,
    ImmutableArray<Property> Properties,
    bool Characterize = true,
    ImmutableArray<Scenario> Scenarios = default,
    bool StopAtFirstFailure = false);
