namespace Verification.Core;

/// <summary>Builds the replay commands printed with a failure. They are meant to be pasted into a shell as they are.</summary>
public static class ReplayCommands
{
    /// <summary>Replay through the Coyote command line on the rewritten harness assembly; exit code 2 means the bug reproduced.</summary>
    public static string CoyoteCli(VerificationCase verificationCase, string tracePath)
    {
        ArgumentNullException.ThrowIfNull(verificationCase);
        var harness = typeof(CoyoteEntryPoint).Assembly.Location;
        return FromRepositoryRoot(
            $"COYOTE_CLI_TELEMETRY_OPTOUT=1 {VerificationCase.EnvironmentVariable}={Quote(verificationCase.Text)} " +
            $"dotnet tool run coyote replay {Quote(harness)} {Quote(tracePath)} -m {CoyoteEntryPoint.MethodName}");
    }

    /// <summary>Replay in process with the verify command line; the case comes from the trace's sidecar.</summary>
    public static string VerifyCli(string tracePath) =>
        FromRepositoryRoot($"dotnet run --project tools/Verification.Cli -- replay {Quote(tracePath)}");

    /// <summary>The environment variable naming a trace for the replay test to replay in process.</summary>
    public const string TraceVariable = "VERIFICATION_REPLAY_TRACE";

    /// <summary>Replay through <c>dotnet test</c>: the replay test replays the trace in process and fails if the bug is gone.</summary>
    public static string DotnetTest(VerificationCase verificationCase, string tracePath)
    {
        ArgumentNullException.ThrowIfNull(verificationCase);
        return FromRepositoryRoot(
            $"{VerificationCase.EnvironmentVariable}={Quote(verificationCase.Text)} {TraceVariable}={Quote(tracePath)} " +
            "dotnet test tests/Verification.Tests --filter FullyQualifiedName~Verification.Tests.ReplayTests");
    }

    /// <summary><paramref name="command"/>, run from the repository root when the harness is inside one, so it pastes from anywhere.</summary>
    private static string FromRepositoryRoot(string command) =>
        RepositoryRoot(typeof(CoyoteEntryPoint).Assembly.Location) is { } root ? $"cd {Quote(root)} && {command}" : command;

    /// <summary>The folder holding the tool manifest that names the Coyote command line, found upwards from <paramref name="path"/>.</summary>
    public static string? RepositoryRoot(string path)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(path)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ".config", "dotnet-tools.json")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>Single-quotes <paramref name="text"/> for a POSIX shell.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
