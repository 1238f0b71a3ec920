using System.Collections.Immutable;
using Verification.Cli.Engines;
using Verification.Core;

namespace Verification.Cli;

/// <summary>
/// The engines <c>verify --engine</c> can run: Coyote's systematic exploration (the default), FsCheck's generated and
/// shrunk plans, and stress on the real thread pool. Adding one is implementing <see cref="IVerificationEngine"/> and
/// listing it here.
/// </summary>
internal static class EngineCatalog
{
    public static ImmutableArray<IVerificationEngine> Available { get; } = [new CoyoteEngine(), new FsCheckEngine(), new StressEngine()];

    public static ImmutableArray<IVerificationEngine> Default => [Available[0]];

    /// <summary>Reads <c>--engine</c>: a comma-separated list of engine names, or <c>all</c>.</summary>
    /// <exception cref="UsageException">A name is unknown.</exception>
    public static ImmutableArray<IVerificationEngine> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new UsageException($"--engine needs a name ({Known})");
        }

        if (names.Any(n => n.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            return Available;
        }

        return [.. names.Select(Find).Distinct()];
    }

    private static string Known => $"available: {string.Join(", ", Available.Select(e => e.Name))}, all";

    private static IVerificationEngine Find(string name) =>
        Available.FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown engine '{name}' ({Known})");
}
