using System.Reflection;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>How reports and the command line spell the harness's enumerations.</summary>
internal static class Names
{
    public static string Kind(ImplementationKind kind) => kind switch
    {
        ImplementationKind.PlantedBug => "planted-bug",
        ImplementationKind.ThirdParty => "third-party",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Why a violation is expected: the documentation a third-party implementation cites, or that it is a planted bug.</summary>
    public static string? ExpectedBecause(Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        if (implementation.ExpectedViolation is null)
        {
            return null;
        }

        return implementation.AdapterType.GetCustomAttribute<DocumentedViolationAttribute>()?.Reason
            ?? (implementation.Kind == ImplementationKind.PlantedBug ? "a planted bug" : null);
    }

    public static string Failure(FailurePolicy failure) => failure.ToString().ToLowerInvariant();

    public static string Strategy(Strategy strategy) => strategy.ToString().ToLowerInvariant();

    public static string Verdict(Verdict verdict) => VerdictSpelling.Of(verdict).Key;
}

/// <summary>Commands printed in reports, meant to be pasted into a shell from anywhere.</summary>
internal static class CliCommands
{
    /// <summary>Replays a trace in process with this command line; the case comes from the trace's sidecar.</summary>
    public static string Replay(string tracePath)
    {
        var root = ReplayCommands.RepositoryRoot(typeof(CliCommands).Assembly.Location);
        var prefix = root is null ? string.Empty : $"cd {ReplayCommands.Quote(root)} && ";
        return $"{prefix}dotnet run --project tools/Verification.Cli -- replay {ReplayCommands.Quote(tracePath)}";
    }
}
