using System.Collections.Immutable;
using System.Globalization;
using Verification.Specs;

namespace Verification.Core;

/// <summary>
/// The parsers of the <see cref="OptionTable"/>'s values, the only ones in the harness: each reads a text given as an
/// option or an environment variable and either returns the value or throws a <see cref="FormatException"/> whose
/// one-line message names where the text was given and the text, in the same words for both.
/// </summary>
public static class ValueParsers
{
    /// <summary>Every strategy's name as the command line and the environment spell it, in the enumeration's order.</summary>
    public static ImmutableArray<string> StrategyNames { get; } = [.. Enum.GetValues<Strategy>().Select(NameOf)];

    /// <summary>How the command line and the environment spell <paramref name="strategy"/>.</summary>
    public static string NameOf(Strategy strategy) => strategy.ToString().ToLowerInvariant();

    /// <summary>Reads a positive whole number: an iteration count, a number of seeds, seconds, a step bound.</summary>
    /// <exception cref="FormatException">Not a whole number above zero.</exception>
    public static int PositiveWholeNumber(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Bad($"{name} takes a positive whole number, not '{text}'");

    /// <summary>Reads a whole number, zero included: a seed.</summary>
    /// <exception cref="FormatException">Not a whole number that fits 32 bits.</exception>
    public static uint WholeNumber(string name, string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad($"{name} takes a whole number, not '{text}'");

    /// <summary>Reads a shard as <c>index/count</c>, e.g. <c>0/4</c>.</summary>
    /// <exception cref="FormatException">Not of that form, or the index is not below the count.</exception>
    public static (int Index, int Count) Shard(string name, string text) =>
        text.Split('/') is [var i, var n]
        && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        && count > 0 && index < count
            ? (index, count)
            : throw Bad($"{name} takes index/count with index below count, e.g. 0/4, not '{text}'");

    /// <summary>Reads a strategy by its name, in any case, hyphens ignored (<c>q-learning</c>); never by its number.</summary>
    /// <exception cref="FormatException">Not one of <see cref="StrategyNames"/>.</exception>
    public static Strategy StrategyName(string name, string text)
    {
        var spelled = text.Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (var strategy in Enum.GetValues<Strategy>())
        {
            if (NameOf(strategy).Equals(spelled, StringComparison.OrdinalIgnoreCase))
            {
                return strategy;
            }
        }

        throw Bad($"unknown strategy '{text}' for {name} ({string.Join(", ", StrategyNames)})");
    }

    /// <summary>Reads a comma-separated list of names, e.g. implementations or engines; blanks around commas are dropped.</summary>
    /// <exception cref="FormatException">The list holds no name.</exception>
    public static ImmutableArray<string> NameList(string name, string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length > 0 ? [.. names] : throw Bad($"{name} needs at least one name");
    }

    /// <summary>Reads a comma-separated list of property IDs, in any case, in the order given.</summary>
    /// <exception cref="FormatException">The list holds no ID, or an ID that is not a property's (numbers included).</exception>
    public static ImmutableArray<Property> PropertyList(string name, string text) =>
        [.. NameList(name, text).Select(id =>
            PropertyIds.TryParse(id, out var property) && !int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? property
                : throw Bad($"unknown property '{id}' (properties: {string.Join(", ", PropertyIds.All.Select(p => p.Id()))})"))];

    /// <summary>Reads an FsCheck seed <c>seed,gamma</c> as <see cref="TryParseSeedPair"/> does, or <c>random</c> (null): a fresh one each run.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static (ulong Seed, ulong Gamma)? FsCheckSeed(string name, string text) =>
        text.Trim().Equals("random", StringComparison.OrdinalIgnoreCase) ? null
        : TryParseSeedPair(text, out var seed, out var gamma) ? (seed, gamma)
        : throw Bad($"{name} takes an FsCheck seed 'seed,gamma', e.g. '(12345,67891)', or random, not '{text}'");

    /// <summary>Reads <c>seed,gamma</c>, two whole numbers, with or without parentheses and spaces, as FsCheck prints a seed.</summary>
    public static bool TryParseSeedPair(string text, out ulong seed, out ulong gamma)
    {
        ArgumentNullException.ThrowIfNull(text);
        seed = gamma = 0;
        return text.Trim().TrimStart('(').TrimEnd(')').Split(',', StringSplitOptions.TrimEntries) is [var s, var g]
            && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out seed)
            && ulong.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out gamma);
    }

    /// <summary>Reads a flag's value where one must be spelled out: <c>true</c> or <c>false</c>, in any case.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static bool Flag(string name, string text) =>
        bool.TryParse(text, out var value) ? value : throw Bad($"{name} takes true or false, not '{text}'");

    /// <summary>Takes any text as it is: a path, a case.</summary>
    public static string Text(string name, string text) => text;

    private static FormatException Bad(string message) => new(message);
}
