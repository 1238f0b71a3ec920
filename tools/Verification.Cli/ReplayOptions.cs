using Verification.Core;
using Verification.Core.CommandLine;

namespace Verification.Cli;

/// <summary>The options of <c>replay</c> (or <c>verify --replay</c>): a trace, and the case if not in the trace's sidecar.</summary>
internal sealed record ReplayOptions(string TracePath, string? CaseText)
{
    /// <summary>What help and the usage line call the trace.</summary>
    public const string Trace = "TRACE";

    /// <summary>The <c>replay</c> command: the trace, and <see cref="OptionTable.Case"/>.</summary>
    public static CommandSpec Command => new("replay", "Replays one trace in process and prints its violations and history.")
    {
        Options = [OptionTable.Case],
        Argument = Trace,
        ArgumentDescription = "the trace to replay, as a failure printed it",
    };

    /// <summary>The options of a <c>replay</c> command line that parsed without errors.</summary>
    /// <exception cref="UsageException">No trace, more than one, or an unknown option.</exception>
    public static ReplayOptions Read(ParsedCommandLine parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Unmatched is [var extra, ..])
        {
            throw new UsageException(extra.StartsWith("--", StringComparison.Ordinal) ? $"unknown option '{extra}'" : $"replay takes one trace file, not also '{extra}'");
        }

        ISettingSource options = parsed;
        return new ReplayOptions(parsed.Argument ?? throw new UsageException("replay needs a trace file"), options.Get(OptionTable.Case));
    }
}
