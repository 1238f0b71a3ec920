using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Verification.Core;

namespace Verification.Tests;

/// <summary>
/// FsCheck generators of scenario plans: values that say what each caller does and what each attempt does, never the
/// objects under test.
/// </summary>
public static class ScenarioGenerators
{
    public static Gen<Operation> Operation(bool withReset) => Gen.Frequency(
        (6, Gen.Constant(Core.Operation.Get)),
        (2, Gen.Constant(Core.Operation.GetCanceledDuring)),
        (1, Gen.Constant(Core.Operation.GetCanceledBefore)),
        (withReset ? 1 : 0, Gen.Constant(Core.Operation.ResetOp)));

    public static Gen<AttemptScript> Attempt { get; } = Gen.Frequency(
        (4, Gen.Choose(0, 3).Select(AttemptScript.Ok)),
        (2, Gen.Choose(0, 3).Select(AttemptScript.Fail)),
        (1, Gen.Constant(AttemptScript.Hang)));

    public static Gen<Scenario> Scenario(bool withReset) =>
        from callerCount in Gen.Choose(1, 8)
        from callers in Gen.ArrayOf(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Operation(withReset), n)), callerCount)
        from attemptCount in Gen.Choose(0, 3)
        from attempts in Gen.ArrayOf(Attempt, attemptCount)
        select new Scenario("generated", [.. callers.Select(ops => ops.ToImmutableArray())], [.. attempts], []);

    /// <summary>Scenarios with resets, for FsCheck.NUnit's <c>Arbitrary</c> parameter.</summary>
    public static Arbitrary<Scenario> Scenarios() => Scenario(withReset: true).ToArbitrary();
}
