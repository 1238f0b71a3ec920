using System.Collections.Immutable;
using Verification.Core;

namespace Verification.Generation;

/// <summary>
/// How big a scenario plan is, compared in order: callers, operations, gets given a cancellable token and resets, attempt
/// scripts, and the complexity of the scripts. A shrunk counterexample is reported with its size, and tests bound it.
/// </summary>
/// <param name="Callers">How many callers.</param>
/// <param name="Operations">How many operations, over all callers.</param>
/// <param name="MaxOperationsPerCaller">The most operations any one caller has.</param>
/// <param name="Cancellations">How many gets are given a cancellable token: cancelled during or before the call, or never cancelled (<c>get~cancellable</c>); each is a step away from a plain get.</param>
/// <param name="Resets">How many resets.</param>
/// <param name="AttemptScripts">How many attempt scripts are listed (attempts past the list succeed).</param>
/// <param name="ScriptComplexity">The sum of <see cref="ScenarioShrinker.Complexity"/> over the scripts.</param>
public sealed record ScenarioSize(
    int Callers, int Operations, int MaxOperationsPerCaller, int Cancellations, int Resets, int AttemptScripts, int ScriptComplexity)
    : IComparable<ScenarioSize>
{
    public static ScenarioSize Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var operations = scenario.Callers.SelectMany(ops => ops).ToList();
        return new ScenarioSize(
            scenario.Callers.Length,
            operations.Count,
            scenario.Callers.Select(ops => ops.Length).DefaultIfEmpty(0).Max(),
            operations.Count(o => o.PassesCancellableToken),
            operations.Count(o => o.IsReset),
            scenario.Attempts.Length,
            scenario.Attempts.Sum(ScenarioShrinker.Complexity));
    }

    public int CompareTo(ScenarioSize? other) => other is null ? 1 : Key.CompareTo(other.Key);

    public override string ToString() =>
        $"{Callers} caller(s), {Operations} operation(s) (at most {MaxOperationsPerCaller} per caller), {Cancellations} cancellable get(s), {Resets} reset(s), {AttemptScripts} attempt script(s)";

    private (int, int, int, int, int) Key => (Callers, Operations, Cancellations + Resets, AttemptScripts, ScriptComplexity);

    public static bool operator <(ScenarioSize left, ScenarioSize right) => Compare(left, right) < 0;

    public static bool operator >(ScenarioSize left, ScenarioSize right) => Compare(left, right) > 0;

    public static bool operator <=(ScenarioSize left, ScenarioSize right) => Compare(left, right) <= 0;

    public static bool operator >=(ScenarioSize left, ScenarioSize right) => Compare(left, right) >= 0;

    private static int Compare(ScenarioSize? left, ScenarioSize? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
