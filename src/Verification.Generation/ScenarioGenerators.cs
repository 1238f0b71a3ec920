using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Verification.Core;

namespace Verification.Generation;

/// <summary>
/// FsCheck generators of scenario plans: values that say what each caller does and what each attempt does, never the
/// objects under test. Paired with <see cref="ScenarioShrinker"/>, so a failure is reported as the smallest plan that
/// still fails.
/// </summary>
/// <remarks>
/// Plans grow with FsCheck's size: the first cases of a run have one or two callers, the last ones up to
/// <see cref="MaxCallers"/>. Small plans come first, so a bug is usually found on a plan that needs little shrinking.
/// </remarks>
public static class ScenarioGenerators
{
    /// <summary>The name every generated plan carries (the text form is what identifies it).</summary>
    public const string GeneratedName = "generated";

    public const int MaxCallers = 8;

    public const int MaxOperationsPerCaller = 3;

    public const int MaxAttemptScripts = 3;

    public const int MaxAwaits = 3;

    /// <summary>
    /// One operation of a caller: mostly plain gets, some cancelled at a point the scheduler chooses or before the call,
    /// some given a cancellable token that is never cancelled, and resets only if asked for.
    /// </summary>
    public static Gen<Operation> Operation(bool withReset) => Gen.Frequency(
        (6, Gen.Constant(Core.Operation.Get)),
        (2, Gen.Constant(Core.Operation.GetCanceledDuring)),
        (1, Gen.Constant(Core.Operation.GetCanceledBefore)),
        (1, Gen.Constant(Core.Operation.GetWithCancellableToken)),
        (withReset ? 1 : 0, Gen.Constant(Core.Operation.ResetOp)));

    /// <summary>The script of one initialization attempt: success or failure after 0 to <see cref="MaxAwaits"/> awaits, or a hang.</summary>
    public static Gen<AttemptScript> Attempt { get; } = Gen.Frequency(
        (4, Gen.Choose(0, MaxAwaits).Select(AttemptScript.Ok)),
        (2, Gen.Choose(0, MaxAwaits).Select(AttemptScript.Fail)),
        (2, Gen.Constant(AttemptScript.Hang)));

    /// <summary>Plans of 1 to <see cref="MaxCallers"/> callers (fewer while FsCheck's size is small), each with 1 to <see cref="MaxOperationsPerCaller"/> operations, and up to <see cref="MaxAttemptScripts"/> attempt scripts.</summary>
    /// <param name="withReset">Whether callers may reset: only for implementations that declare a reset.</param>
    public static Gen<Scenario> Scenario(bool withReset) => Gen.Sized(size =>
        from callerCount in Gen.Choose(1, CallersAtSize(size))
        from callers in Gen.ArrayOf(Gen.Choose(1, MaxOperationsPerCaller).SelectMany(n => Gen.ArrayOf(Operation(withReset), n)), callerCount)
        from attemptCount in Gen.Choose(0, MaxAttemptScripts)
        from attempts in Gen.ArrayOf(Attempt, attemptCount)
        select new Scenario(GeneratedName, [.. callers.Select(ops => ops.ToImmutableArray())], [.. attempts], []));

    /// <summary>Generated plans with the shrinker attached.</summary>
    public static Arbitrary<Scenario> Arbitrary(bool withReset) => Arb.From(Scenario(withReset), ScenarioShrinker.Shrink);

    /// <summary>The plans that fit <paramref name="implementation"/>: resets only where it declares a reset.</summary>
    public static Arbitrary<Scenario> For(Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return Arbitrary(implementation.Contract.SupportsReset);
    }

    /// <summary>Two callers at size 0, one more every 12 sizes, <see cref="MaxCallers"/> from size 72 (FsCheck's default run ends at 100).</summary>
    private static int CallersAtSize(int size) => Math.Clamp(2 + (size / 12), 1, MaxCallers);
}
