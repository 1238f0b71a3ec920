using System.Collections.Immutable;
using Verification.Generation;
using Verification.Core;

namespace Verification.Cli;

/// <summary>
/// The engines <c>verify --engine</c> can run: Coyote's systematic exploration (the default), FsCheck's generated and
/// shrunk plans, and stress on the real thread pool. Adding one is implementing <see cref="IVerificationEngine"/> and
/// listing it here.
/// </summary>
internal static class EngineCatalog
{
    /// <summary>The name that selects every engine.</summary>
    public const string All = "all";

    public static ImmutableArray<IVerificationEngine> Available { get; } = [new CoyoteEngine(), new FsCheckEngine(), new StressEngine()];

    /// <summary>
    /// The engines <c>--engine</c> names (<see cref="OptionTable.Engines"/> reads the list): every one for <c>all</c>,
    /// else each named one once, in the order given.
    /// </summary>
    /// <exception cref="FormatException">A name is unknown; the message lists the available ones.</exception>
    public static ImmutableArray<IVerificationEngine> Resolve(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var named = names.ToList();
        if (named.Any(n => n.Equals(All, StringComparison.OrdinalIgnoreCase)))
        {
            return Available;
        }

        return [.. named.Select(Find).Distinct()];
    }

    /// <summary>The names <c>--engine</c> takes, as help lists them: <c>coyote|fscheck|stress|all</c>.</summary>
    public static string Choices => string.Join("|", Available.Select(e => e.Name).Append(All));

    private static string Known => $"available: {string.Join(", ", Available.Select(e => e.Name))}, {All}";

    private static IVerificationEngine Find(string name) =>
        Available.FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"unknown engine '{name}' ({Known})");
}
