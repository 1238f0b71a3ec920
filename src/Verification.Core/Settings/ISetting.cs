namespace Verification.Core;

/// <summary>
/// One entry of the <see cref="OptionTable"/>, whatever its type: what help lists and what a command line is built from.
/// </summary>
public interface ISetting
{
    /// <summary>The option on the command line, e.g. <c>--iterations</c>; null for a setting only the environment sets.</summary>
    string? Name { get; }

    /// <summary>The environment variable that sets it for the tests, e.g. <c>VERIFICATION_ITERATIONS</c>; null if none.</summary>
    string? Variable { get; }

    /// <summary>What help calls the value, e.g. <c>N</c>; null for a flag, which takes none.</summary>
    string? ValueName { get; }

    /// <summary>What the setting does, in one line.</summary>
    string Description { get; }

    /// <summary>The default as help shows it.</summary>
    string DefaultText { get; }

    /// <summary>How a usage line shows the option, e.g. <c>[--iterations N]</c>.</summary>
    string Synopsis { get; }

    /// <summary>
    /// Reads every value an option was given, in order, and combines them: how a command-line parser that knows nothing
    /// of the value's type hands them over. The result is the setting's value, boxed.
    /// </summary>
    /// <exception cref="FormatException">A value is not valid; the message names <paramref name="source"/> and the value.</exception>
    object? Parse(string source, IReadOnlyList<string> texts);
}
