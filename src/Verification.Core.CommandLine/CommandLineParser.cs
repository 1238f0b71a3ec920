using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Verification.Core.CommandLine;

/// <summary>
/// Parses a command line with System.CommandLine, each option built from its entry of the option table and read by that
/// entry's parser, so the command line reports a bad value in the same words as the environment.
/// </summary>
public static class CommandLineParser
{

    /// <summary>Parses <paramref name="args"/> for <paramref name="program"/>, taking every word literally.</summary>
    /// <remarks>
    /// Words that are no option of the command (an unknown option, a second argument, a missing command) are not errors
    /// here but <see cref="ParsedCommandLine.Unmatched"/>: what each means depends on the command, and the caller says so
    /// in its own words rather than in System.CommandLine's, which are localized.
    /// </remarks>
    public static ParsedCommandLine Parse(CommandSpec program, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(args);
        var root = Build(program);
        root.Add(new HelpOption("--help", "-h"));

        // No response files (@file) and no bundled short options: every word means what it says.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null, EnablePosixBundling = false });
        return new ParsedCommandLine(result);
    }

    private static Command Build(CommandSpec spec)
    {
        var command = new Command(spec.Name, spec.Description) { Hidden = spec.Hidden, TreatUnmatchedTokensAsErrors = false };
        foreach (var setting in spec.Options)
        {
            command.Add(CreateOption(setting));
        }

        if (spec.Argument is { } argument)
        {
            command.Add(new Argument<string?>(argument)
            {
                Description = spec.ArgumentDescription,
                Arity = ArgumentArity.ZeroOrOne,
                CustomParser = ReadArgument,
            });
        }

        foreach (var subcommand in spec.Subcommands)
        {
            command.Add(Build(subcommand));
        }

        // Never run: the caller reads the result. A command without an action must be given a subcommand, and a missing
        // one is for the caller to report, as an unmatched word is.
        command.SetAction(_ => 0);
        return command;
    }

    private static Option CreateOption(ISetting setting)
    {
        var name = setting.Name ?? throw new ArgumentException($"{setting.Variable} is set only by the environment, not on a command line.", nameof(setting));
        if (setting.ValueName is null)
        {
            return new Option<bool>(name) { Description = setting.Description, Arity = ArgumentArity.Zero };
        }

        // Each occurrence takes one value, and the values of every occurrence reach the setting's parser together, which
        // combines them (the last wins, or lists add up). A missing value is reported here rather than by System.CommandLine.
        return new Option<object?>(name)
        {
            Description = setting.Description,
            HelpName = setting.ValueName,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = argument => ReadOption(setting, name, argument),
        };
    }

    private static object? ReadOption(ISetting setting, string name, ArgumentResult argument)
    {
        var occurrences = argument.Parent is OptionResult option ? option.IdentifierTokenCount : 1;
        var texts = argument.Tokens.Select(t => t.Value).ToList();

        // A word that looks like an option is a forgotten value, not a value that happens to start with dashes.
        if (texts.Count < occurrences || texts.Any(LooksLikeAnOption))
        {
            argument.AddError($"{name} needs a value");
            return null;
        }

        try
        {
            return setting.Parse(name, texts);
        }
        catch (FormatException bad)
        {
            argument.AddError(bad.Message);
            return null;
        }
    }

    private static string? ReadArgument(ArgumentResult argument)
    {
        // An unknown option lands where the argument would be; it is no argument.
        var text = argument.Tokens[0].Value;
        if (LooksLikeAnOption(text))
        {
            argument.AddError($"unknown option '{text}'");
        }

        return text;
    }

    private static bool LooksLikeAnOption(string text) => text.StartsWith("--", StringComparison.Ordinal);
}
