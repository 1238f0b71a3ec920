using Verification.Core;

namespace Verification.Cli;

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
