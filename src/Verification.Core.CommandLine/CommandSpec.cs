using System.Collections.Immutable;

namespace Verification.Core.CommandLine;

/// <summary>
/// A command of a command line: its options, which are entries of the option table, at most one argument, and its
/// subcommands. <see cref="CommandLineParser"/> builds System.CommandLine's command from it.
/// </summary>
/// <param name="Name">The word that selects the command; for a program's root, the program.</param>
/// <param name="Description">What the command does, in one line.</param>
public sealed record CommandSpec(string Name, string Description)
{
    /// <summary>Its options, in the order help lists them.</summary>
    public ImmutableArray<ISetting> Options { get; init; } = [];

    /// <summary>What help calls its one argument (e.g. <c>TRACE</c>), if it takes one; it may be left out.</summary>
    public string? Argument { get; init; }

    /// <summary>What its argument is.</summary>
    public string ArgumentDescription { get; init; } = string.Empty;

    /// <summary>The commands under it; a program with none takes its options directly.</summary>
    public ImmutableArray<CommandSpec> Subcommands { get; init; } = [];

    /// <summary>Whether completion and help leave it out (an alias, such as <c>help</c>).</summary>
    public bool Hidden { get; init; }
}
