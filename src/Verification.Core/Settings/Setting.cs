using System.Globalization;

namespace Verification.Core;

/// <summary>
/// One setting, defined once for every way it can be given: its option on the command line, its environment variable,
/// its parser (which fixes its type and validates it), its default and its help. See <see cref="OptionTable"/>.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Setting<T> : ISetting
{
    private readonly Func<string, string, T> _parse;
    private readonly string? _defaultText;

    /// <param name="name">The option on the command line, e.g. <c>--iterations</c>; null if only the environment sets it.</param>
    /// <param name="variable">The environment variable, e.g. <c>VERIFICATION_ITERATIONS</c>; null if none.</param>
    /// <param name="parse">
    /// Reads a value: given where it was given (the option or the variable) and the text, returns the value or throws a
    /// <see cref="FormatException"/> whose one-line message names both. One of <see cref="ValueParsers"/>.
    /// </param>
    public Setting(string? name, string? variable, Func<string, string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (name is null && variable is null)
        {
            throw new ArgumentException("A setting needs an option, an environment variable or both.", nameof(name));
        }

        Name = name;
        Variable = variable;
        _parse = parse;
    }

    public string? Name { get; }

    public string? Variable { get; }

    /// <summary>What help calls the value, e.g. <c>N</c>; null makes the option a flag, given without a value.</summary>
    public string? ValueName { get; init; }

    public required string Description { get; init; }

    /// <summary>The value when the setting is not given.</summary>
    public T Default { get; init; } = default!;

    /// <summary>The default as help shows it; unless set, <see cref="Default"/> as text.</summary>
    public string DefaultText
    {
        get => _defaultText ?? Convert.ToString(Default, CultureInfo.InvariantCulture) ?? "none";
        init => _defaultText = value;
    }

    /// <summary>How the values of an option given several times combine; unless set, the last one wins.</summary>
    public Func<IReadOnlyList<T>, T> Combine { get; init; } = values => values[^1];

    public string Synopsis => ValueName is null ? $"[{Name}]" : $"[{Name} {ValueName}]";

    /// <summary>Reads <paramref name="text"/>, given as <paramref name="source"/> (the option or the variable).</summary>
    /// <exception cref="FormatException">Not a valid value; the message names <paramref name="source"/> and the text.</exception>
    public T Parse(string source, string text) => _parse(source, text);

    /// <summary>Reads every value given as <paramref name="source"/>, in order, and combines them.</summary>
    /// <exception cref="FormatException">A value is not valid; the message names <paramref name="source"/> and the value.</exception>
    public T Parse(string source, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Combine([.. texts.Select(text => _parse(source, text))]);
    }

    object? ISetting.Parse(string source, IReadOnlyList<string> texts) => Parse(source, texts);

    /// <summary>
    /// The same setting, with a further check of each value that only the caller can make (which engines exist is the
    /// CLI's to know), and the value's name in help if the check narrows it to a few choices.
    /// </summary>
    /// <param name="check">Throws a <see cref="FormatException"/> with a one-line message if a value does not pass.</param>
    /// <param name="valueName">What help calls the value now, e.g. the choices; unless given, as before.</param>
    public Setting<T> WithCheck(Action<T> check, string? valueName = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new Setting<T>(Name, Variable, (source, text) =>
        {
            var value = _parse(source, text);
            check(value);
            return value;
        })
        {
            ValueName = valueName ?? ValueName,
            Description = Description,
            Default = Default,
            DefaultText = DefaultText,
            Combine = Combine,
        };
    }
}
