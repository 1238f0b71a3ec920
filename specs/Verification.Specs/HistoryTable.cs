using System.Text;

namespace Verification.Specs;

/// <summary>
/// Renders a history as a table with one column per caller, in schedule order, so a reader sees the race
/// without opening the trace. Attempts appear in the column of the caller whose call started them.
/// </summary>
public static class HistoryTable
{
    private const string Unattributed = "(no caller)";

    public static string Render(History history)
    {
        var columns = Enumerable.Range(1, history.CallerCount).Select(c => $"caller {c}").ToList();
        var needsUnattributed = history.Events.Any(e => e.Caller is null);
        if (needsUnattributed)
        {
            columns.Add(Unattributed);
        }

        var rows = history.Events
            .Select(e => (e.Sequence, Column: e.Caller is int c ? c - 1 : columns.Count - 1, Text: Describe(e)))
            .ToList();
        var widths = columns.Select((name, i) =>
            Math.Max(name.Length, rows.Where(r => r.Column == i).Select(r => r.Text.Length).DefaultIfEmpty(0).Max())).ToList();
        var stepWidth = Math.Max(4, rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

        var text = new StringBuilder();
        AppendRow(text, "step".PadLeft(stepWidth), columns, widths);
        text.Append(new string('-', stepWidth)).Append("-+");
        text.AppendJoin("+", widths.Select(w => new string('-', w + 2))).AppendLine();
        foreach (var row in rows)
        {
            var cells = columns.Select((_, i) => i == row.Column ? row.Text : string.Empty).ToList();
            AppendRow(text, row.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(stepWidth), cells, widths);
        }

        return text.ToString();
    }

    /// <summary>One event in words, as it appears in its cell.</summary>
    public static string Describe(HistoryEvent e) => e.Kind switch
    {
        EventKind.GetStarted => "get",
        EventKind.CancelRequested => "token cancelled",
        EventKind.GetReturned => e.Instance is int i ? $"-> instance #{i}" : "-> null",
        EventKind.GetThrew => e.Attempt is int a ? $"-> throws attempt {a}'s exception" : $"-> throws {e.Detail}",
        EventKind.GetCanceled => $"-> {e.Detail ?? "canceled"}",
        EventKind.ResetStarted => "reset",
        EventKind.ResetEnded => "reset done",
        EventKind.AttemptStarted => $"attempt {e.Attempt} starts (instance #{e.Instance})",
        EventKind.AttemptSucceeded => $"attempt {e.Attempt} succeeds",
        EventKind.AttemptFailed => $"attempt {e.Attempt} fails",
        EventKind.AttemptCanceled => $"attempt {e.Attempt} canceled",
        EventKind.AttemptReleased => $"attempt {e.Attempt} released (hung to the end)",
        EventKind.AttemptCancelRequested => $"attempt {e.Attempt}'s token cancelled",
        _ => e.Kind.ToString(),
    };

    private static void AppendRow(StringBuilder text, string step, List<string> cells, List<int> widths)
    {
        text.Append(step).Append(" |");
        for (var i = 0; i < cells.Count; i++)
        {
            text.Append(' ').Append(cells[i].PadRight(widths[i])).Append(i < cells.Count - 1 ? " |" : string.Empty);
        }

        text.AppendLine();
    }
}
