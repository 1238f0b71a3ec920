using System.Collections.Immutable;
using Verification.Core;

namespace Verification.Cli;

/// <summary>The engines <c>verify --engine</c> can run. Adding one is implementing <see cref="IVerificationEngine"/> and listing it here.</summary>
internal static class EngineCatalog
{
    /// <summary>Engines that are announced but not built yet: naming one is a usage error that says so.</summary>
    private static readonly string[] Planned = ["fscheck", "stress"];

    public static ImmutableArray<IVerificationEngine> Available { get; } = [new CoyoteEngine()];

    public static ImmutableArray<IVerificationEngine> Default => [Available[0]];

    /// <summary>Reads <c>--engine</c>: a comma-separated list of engine names, or <c>all</c>.</summary>
    /// <exception cref="UsageException">A name is unknown or names an engine that is not available yet.</exception>
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
        ?? throw new UsageException(Planned.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $"engine '{name}' is not available yet ({Known})"
            : $"unknown engine '{name}' ({Known})");
}
