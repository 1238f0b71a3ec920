using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// A scenario is a plan, a value: what each caller does and what each initialization attempt does. Every choice of
/// <em>when</em> is left to the scheduler, so a trace replays it exactly. Attempts beyond the script succeed.
/// </summary>
/// <param name="Name">A short name for people; the text form is what identifies the plan.</param>
/// <param name="Callers">Per caller, its operations in order.</param>
/// <param name="Attempts">Per attempt number (1-based, in the order attempts start), its script.</param>
/// <param name="Targets">The properties this scenario is designed to exercise.</param>
public sealed record Scenario(
    string Name,
    ImmutableArray<ImmutableArray<Operation>> Callers,
    ImmutableArray<AttemptScript> Attempts,
    ImmutableArray<Property> Targets)
{
    public AttemptScript ScriptFor(int attempt) => attempt <= Attempts.Length ? Attempts[attempt - 1] : AttemptScript.Ok();

    public bool UsesReset => Callers.Any(ops => ops.Any(o => o.IsReset));

    /// <summary>True if some get's token is cancelled; a cancellable token that is never cancelled does not count.</summary>
    public bool UsesCancellation => Callers.Any(ops => ops.Any(o => o.IsCancelledGet));

    public bool UsesHang => Attempts.Any(a => a.Behavior == AttemptBehavior.Hang);

    /// <summary>The plan as text, e.g. <c>c1=get c2=get~cancel a=fail:1,ok:1</c>; <see cref="Parse"/> reads it back.</summary>
    public string Text
    {
        get
        {
            var callers = Callers.Select((ops, i) => $"c{i + 1}={string.Join(",", ops)}");
            var attempts = Attempts.IsEmpty ? [] : new[] { $"a={string.Join(",", Attempts)}" };
            return string.Join(" ", callers.Concat(attempts));
        }
    }

    public override string ToString() => $"{Name} [{Text}]";

    public static Scenario Create(string name, string text, params Property[] targets)
    {
        var parsed = Parse(text);
        return parsed with { Name = name, Targets = [.. targets] };
    }

    /// <summary>Reads the text form written by <see cref="Text"/>.</summary>
    /// <exception cref="FormatException">The text is not a scenario.</exception>
    public static Scenario Parse(string text)
    {
        var callers = new SortedDictionary<int, ImmutableArray<Operation>>();
        var attempts = ImmutableArray<AttemptScript>.Empty;
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.Split('=', 2) is [var k, var v] ? (k, v) : throw new FormatException($"'{part}' is not key=value.");
            var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (key == "a")
            {
                attempts = [.. items.Select(ParseAttempt)];
            }
            else if (key.StartsWith('c') && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var caller) && caller >= 1)
            {
                callers[caller] = [.. items.Select(ParseOperation)];
            }
            else
            {
                throw new FormatException($"'{key}' is neither a caller (c1, c2, ...) nor the attempts (a).");
            }
        }

        if (callers.Count == 0 || callers.Keys.Last() != callers.Count)
        {
            throw new FormatException("A scenario needs callers numbered c1, c2, ... without gaps.");
        }

        return new Scenario("custom", [.. callers.Values], attempts, []);
    }

    private static Operation ParseOperation(string text) => text switch
    {
        "get" => Operation.Get,
        "get~cancel" => Operation.GetCanceledDuring,
        "get~cancelled" => Operation.GetCanceledBefore,
        "get~cancellable" => Operation.GetWithCancellableToken,
        "reset" => Operation.ResetOp,
        _ => throw new FormatException($"'{text}' is not an operation (get, get~cancel, get~cancelled, get~cancellable, reset)."),
    };

    private static AttemptScript ParseAttempt(string text)
    {
        if (text == "hang")
        {
            return AttemptScript.Hang;
        }

        var (kind, awaits) = text.Split(':') is [var k, var n] && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? (k, count)
            : (text, 1);
        return kind switch
        {
            "ok" => AttemptScript.Ok(awaits),
            "fail" => AttemptScript.Fail(awaits),
            _ => throw new FormatException($"'{text}' is not an attempt script (ok:N, fail:N, hang)."),
        };
    }
}
