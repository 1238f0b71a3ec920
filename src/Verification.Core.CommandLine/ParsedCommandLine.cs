using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Verification.Core.CommandLine;

/// <summary>
/// What <see cref="CommandLineParser"/> found: the command, whether help was asked for, the first error, the words that
/// were no option, and the settings given, read as an <see cref="ISettingSource"/> like the environment.
/// </summary>
public sealed class ParsedCommandLine : ISettingSource
{
    private readonly ParseResult _result;

    internal ParsedCommandLine(ParseResult result)
    {
        _result = result;
        Command = result.CommandResult.Command.Name;
        HelpRequested = result.Action is HelpAction;
        Error = result.Errors.Select(e => e.Message).FirstOrDefault();
        Unmatched = [.. result.UnmatchedTokens];
    }

    /// <summary>The command the words selected: the program's own name if they named none.</summary>
    public string Command { get; }

    /// <summary>Whether <c>--help</c> or <c>-h</c> was given, anywhere: help then wins over any other mistake.</summary>
    public bool HelpRequested { get; }

    /// <summary>The first bad value or missing value, one line naming the option; null if none.</summary>
    public string? Error { get; }

    /// <summary>The words that are no option or argument of <see cref="Command"/>, in order.</summary>
    public ImmutableArray<string> Unmatched { get; }

    /// <summary>The command's argument, if given.</summary>
    /// <exception cref="InvalidOperationException">The command line has an <see cref="Error"/>.</exception>
    public string? Argument
    {
        get
        {
            ThrowIfError();
            return _result.CommandResult.Command.Arguments.OfType<Argument<string?>>().Select(a => _result.GetValue(a)).FirstOrDefault();
        }
    }

    /// <summary>Whether the command line gives <paramref name="setting"/>.</summary>
    public bool Given(ISetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return _result.CommandResult.Children.OfType<OptionResult>().Any(o => o.Option.Name == setting.Name && !o.Implicit);
    }

    /// <exception cref="InvalidOperationException">The command line has an <see cref="Error"/>.</exception>
    public T Get<T>(Setting<T> setting, T fallback)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ThrowIfError();
        if (!Given(setting))
        {
            return fallback;
        }

        // A flag's option is a bool; every other option's value is the setting's own, boxed by its parser.
        return setting.ValueName is null ? (T)(object)true : (T)_result.GetValue<object?>(setting.Name!)!;
    }

    private void ThrowIfError()
    {
        if (Error is { } error)
        {
            throw new InvalidOperationException($"The command line has an error, so it gives no values: {error}");
        }
    }
}
