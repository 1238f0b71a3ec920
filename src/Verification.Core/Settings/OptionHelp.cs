namespace Verification.Core;

/// <summary>Help written from the <see cref="OptionTable"/>'s entries, so that it lists exactly what is parsed.</summary>
public static class OptionHelp
{
    /// <summary>Options longer than this get their description on a line of its own, so that one long option does not push every description right.</summary>
    private const int ColumnWidth = 34;

    /// <summary>
    /// Writes one line per option: the option and its value, what it does, and its default. The descriptions line up
    /// after the options, except after an option too long for the column.
    /// </summary>
    public static void WriteOptions(TextWriter output, IEnumerable<ISetting> settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        var rows = settings
            .Where(s => s.Name is not null)
            .Select(s => (Option: s.ValueName is null ? s.Name! : $"{s.Name} {s.ValueName}", Help: $"{s.Description} (default: {s.DefaultText})"))
            .ToList();
        var width = rows.Select(r => r.Option.Length).Where(length => length <= ColumnWidth).DefaultIfEmpty(0).Max();
        foreach (var (option, help) in rows)
        {
            if (option.Length > width)
            {
                output.WriteLine($"  {option}");
                output.WriteLine($"  {string.Empty.PadRight(width)}  {help}");
            }
            else
            {
                output.WriteLine($"  {option.PadRight(width)}  {help}");
            }
        }
    }

    /// <summary>The options' synopses on one line, e.g. <c>[--iterations N] [--seed N]</c>.</summary>
    public static string Synopsis(params IEnumerable<ISetting> settings) => string.Join(" ", settings.Select(s => s.Synopsis));
}
