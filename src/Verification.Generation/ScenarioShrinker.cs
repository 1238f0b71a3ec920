using System.Collections.Immutable;
using Verification.Core;

namespace Verification.Generation;

/// <summary>
/// Shrinks a scenario plan towards the smallest one that still fails: fewer callers, fewer operations, no cancellation,
/// no reset, fewer and simpler attempt scripts.
/// </summary>
/// <remarks>
/// Every candidate is a valid plan (at least one caller, at least one operation per caller) and strictly smaller than
/// the plan it came from by <see cref="ScenarioSize.CompareTo"/>, so shrinking always ends. Candidates come biggest step
/// first, because FsCheck keeps the first candidate that still fails. Trailing <c>ok:1</c> scripts are dropped from
/// every candidate: attempts past the list succeed after one await anyway, so the plan is the same and reads shorter.
/// </remarks>
public static class ScenarioShrinker
{
    /// <summary>The simplest attempt script: what an attempt past the script list does.</summary>
    public static AttemptScript DefaultScript { get; } = AttemptScript.Ok();

    public static IEnumerable<Scenario> Shrink(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Candidates(scenario).Select(Normalize).Where(candidate => ScenarioSize.Of(candidate).CompareTo(ScenarioSize.Of(scenario)) < 0);
    }

    /// <summary>The same plan without trailing default scripts.</summary>
    public static Scenario Normalize(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var attempts = scenario.Attempts;
        var keep = attempts.Length;
        while (keep > 0 && attempts[keep - 1] == DefaultScript)
        {
            keep--;
        }

        return keep == attempts.Length ? scenario : scenario with { Attempts = attempts[..keep] };
    }

    /// <summary>How far an attempt script is from the default <c>ok:1</c>: 0 for it, more for other await counts, failures and hangs.</summary>
    public static int Complexity(AttemptScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Behavior switch
        {
            AttemptBehavior.Succeed => Math.Abs(script.Awaits - 1),
            AttemptBehavior.Fail => 2 + script.Awaits,
            _ => 2 + ScenarioGenerators.MaxAwaits + 2,
        };
    }

    private static IEnumerable<Scenario> Candidates(Scenario scenario)
    {
        var callers = scenario.Callers;
        var attempts = scenario.Attempts;

        // Fewer callers: the biggest step, tried first.
        for (var i = 0; callers.Length > 1 && i < callers.Length; i++)
        {
            yield return scenario with { Callers = callers.RemoveAt(i) };
        }

        // Fewer attempt scripts: none at all, then one less.
        if (!attempts.IsEmpty)
        {
            yield return scenario with { Attempts = [] };
            for (var i = attempts.Length - 1; attempts.Length > 1 && i >= 0; i--)
            {
                yield return scenario with { Attempts = attempts.RemoveAt(i) };
            }
        }

        // Fewer operations: a caller keeps at least one.
        for (var c = 0; c < callers.Length; c++)
        {
            for (var o = 0; callers[c].Length > 1 && o < callers[c].Length; o++)
            {
                yield return scenario with { Callers = callers.SetItem(c, callers[c].RemoveAt(o)) };
            }
        }

        // Simpler operations: a cancelled get, or one given a cancellable token, becomes a plain get; a reset becomes a get.
        for (var c = 0; c < callers.Length; c++)
        {
            for (var o = 0; o < callers[c].Length; o++)
            {
                if (callers[c][o] != Operation.Get)
                {
                    yield return scenario with { Callers = callers.SetItem(c, callers[c].SetItem(o, Operation.Get)) };
                }
            }
        }

        // Simpler scripts: a hang or a failure becomes a success, awaits move towards the default one.
        for (var a = 0; a < attempts.Length; a++)
        {
            foreach (var simpler in Simpler(attempts[a]))
            {
                yield return scenario with { Attempts = attempts.SetItem(a, simpler) };
            }
        }
    }

    private static IEnumerable<AttemptScript> Simpler(AttemptScript script)
    {
        switch (script.Behavior)
        {
            case AttemptBehavior.Hang:
                yield return DefaultScript;
                yield return AttemptScript.Fail(1);
                break;
            case AttemptBehavior.Fail:
                yield return AttemptScript.Ok(script.Awaits);
                if (script.Awaits > 0)
                {
                    yield return AttemptScript.Fail(script.Awaits - 1);
                }

                break;
            default:
                if (script.Awaits != DefaultScript.Awaits)
                {
                    yield return DefaultScript;
                    yield return AttemptScript.Ok(script.Awaits + Math.Sign(DefaultScript.Awaits - script.Awaits));
                }

                break;
        }
    }
}
