using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Verification.Cli.Reports;
using Verification.Core;
using Verification.Core.CommandLine;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>
/// The commands: <c>verify</c> (the verdict matrix, fingerprints and reports), <c>replay</c> (one trace, in process) and
/// <c>list</c>. Exit codes: 0 as declared (or replay reproduced), 1 not as declared (or replay did not reproduce),
/// 2 bad input, 3 the harness could not run (an assembly not rewritten, a folder not writable), 4 nothing contradicts a
/// declaration but some implementation has inconclusive cells and does not declare that it accepts them.
/// </summary>
public static class CommandLine
{
    public const int AsDeclared = 0;
    public const int NotAsDeclared = 1;
    public const int BadInput = 2;
    public const int CannotRun = 3;

    /// <summary>
    /// Nothing contradicts a declaration, but some implementation could not be judged on every property and does not
    /// declare <c>[AcceptsInconclusive("why")]</c>: an unproven implementation does not pass. A contradiction (1) wins.
    /// </summary>
    public const int InconclusiveNotAccepted = 4;

    /// <summary>Runs one command over the implementations beside the harness.</summary>
    /// <param name="args">The command line, starting with the command.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where a one-line error goes.</param>
    /// <param name="interactive">True if <paramref name="output"/> is a terminal, so progress may be redrawn in place.</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false) =>
        RunAsync(args, output, error, () => Registry.Discovered, interactive);

    /// <summary>Runs one command over the implementations <paramref name="discover"/> finds: how tests hand it their own.</summary>
    /// <param name="args">The command line, starting with the command.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where a one-line error goes.</param>
    /// <param name="discover">Finds the implementations; called only by the commands that need them, so help never loads them.</param>
    /// <param name="interactive">True if <paramref name="output"/> is a terminal, so progress may be redrawn in place.</param>
    internal static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<Discovery> discover, bool interactive = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(discover);
        try
        {
            return Task.FromResult(Run(CommandLineParser.Parse(Program, args), discover, output, interactive));
        }
        catch (UsageException usage)
        {
            return Task.FromResult(Fail(error, $"{usage.Message} (verify --help shows the usage)", BadInput));
        }
        catch (HarnessInputException harness)
        {
            // Not a usage mistake: the message says what to fix beside the harness, so the usage would not help.
            return Task.FromResult(Fail(error, harness.Message, BadInput));
        }
        catch (Exception e) when (e is AssemblyNotRewrittenException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(Fail(error, e.Message, CannotRun));
        }
    }

    /// <summary>The commands; <c>help</c> is one too, as well as <c>--help</c> and <c>-h</c> anywhere.</summary>
    private static CommandSpec Program => new("verification", "Verifies async singletons under every interleaving, cancellation and failure.")
    {
        Subcommands =
        [
            VerifyOptions.Command,
            ReplayOptions.Command,
            new CommandSpec("list", "Lists every registered implementation, its kind, declared contract and expected verdict."),
            new CommandSpec("help", "Prints the usage.") { Hidden = true },
        ],
    };

    /// <summary>Runs the command <paramref name="parsed"/> names, once its words are known to be right.</summary>
    /// <exception cref="UsageException">A value is bad, a word is unknown, or no command was given.</exception>
    private static int Run(ParsedCommandLine parsed, Func<Discovery> discover, TextWriter output, bool interactive)
    {
        // Help wins over any other mistake on the command line, so that asking for it always works.
        if (parsed.HelpRequested)
        {
            return Help(output);
        }

        ThrowIfError(parsed);
        return parsed.Command switch
        {
            "verify" => Verify(VerifyOptions.Read(parsed), Loaded(discover), output, interactive),
            "replay" => Replay(ReplayOptions.Read(parsed), Loaded(discover), output),
            "list" when parsed.Unmatched is [var extra, ..] => throw new UsageException($"list takes no arguments, not '{extra}'"),
            "list" => List(Loaded(discover), output),
            "help" => Help(output),
            _ when parsed.Unmatched is [var unknown, ..] => throw new UsageException($"unknown command '{unknown}' (verify, replay, list)"),
            _ => throw new UsageException("expected a command: verify, replay or list"),
        };
    }

    /// <exception cref="UsageException">The command line has a bad or missing value; the message names the option.</exception>
    internal static void ThrowIfError(ParsedCommandLine parsed)
    {
        if (parsed.Error is { } error)
        {
            throw new UsageException(error);
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        // One line, whatever the message: CI logs and scripts read the first line.
        error.WriteLine($"verify: {message.ReplaceLineEndings(" ")}");
        return code;
    }

    /// <summary>
    /// The implementations, if every assembly that declares some could be loaded. Running over the rest would make the run
    /// look complete when it is not, so a load failure stops every command that uses implementations.
    /// </summary>
    /// <exception cref="HarnessInputException">An implementation assembly could not be loaded, or two implementations share a name.</exception>
    private static Discovery Loaded(Func<Discovery> discover)
    {
        Discovery discovery;
        try
        {
            discovery = discover();
        }
        catch (DuplicateImplementationException duplicate)
        {
            throw new HarnessInputException(duplicate.Message);
        }

        if (discovery.LoadFailures.IsEmpty)
        {
            return discovery;
        }

        var (assemblies, each) = discovery.LoadFailures.Length == 1 ? ("assembly", "it") : ("assemblies", "each");
        var failures = string.Join("; ", discovery.LoadFailures.Select(f => f.ToString().TrimEnd('.')));
        throw new HarnessInputException(
            $"cannot load implementation {assemblies} {failures}. " +
            $"Rebuild {each} against this harness, with its dependencies beside the harness (reference them from its project), or remove it.");
    }

    private static int Help(TextWriter output)
    {
        Usage.Write(output);
        return AsDeclared;
    }

    private static int List(Discovery discovery, TextWriter output)
    {
        var implementations = discovery.Implementations;
        var width = implementations.IsEmpty ? 14 : Math.Max(14, implementations.Max(i => i.Name.Length));
        output.WriteLine($"{"implementation".PadRight(width)}  {"kind",-12}  {"declared contract",-55}  {"expected",-11}  description");
        foreach (var implementation in implementations)
        {
            var expected = implementation.ExpectedViolation is Property p ? $"FAIL {p.Id()}" : "pass";
            output.WriteLine($"{implementation.Name.PadRight(width)}  {Names.Kind(implementation.Kind),-12}  {implementation.Contract,-55}  {expected,-11}  {implementation.Description}");
        }

        return AsDeclared;
    }

    private static int Verify(VerifyOptions options, Discovery discovery, TextWriter output, bool interactive)
    {
        if (options.Replay is { } replay)
        {
            return Replay(replay, discovery, output);
        }

        var implementations = options.SelectImplementations(discovery);
        EnsureWritable(options);
        output.WriteLine(
            $"Verifying {implementations.Length} implementation(s) with {string.Join(", ", options.Engines.Select(e => e.Name))}: {options.Budget}; " +
            $"properties {string.Join(", ", options.Properties.Select(p => p.Id()))}; fingerprint {(options.Characterize ? "on" : "off")}.");
        var progress = new ProgressDisplay(output, interactive);
        var request = new VerificationRequest(options.Budget, options.Properties, options.Characterize);
        var clock = Stopwatch.StartNew();
        var rows = implementations
            .Select(implementation => new ImplementationOutcome(
                implementation, options.Properties, [.. options.Engines.Select(engine => engine.Verify(implementation, request, progress))]))
            .ToImmutableArray();
        progress.Erase();
        var outcome = new VerificationOutcome(options, rows, clock.Elapsed);

        output.WriteLine();
        MatrixPrinter.Print(outcome, output);
        var written = ReportWriter.Write(outcome);
        output.WriteLine();
        output.WriteLine($"Reports: {string.Join(", ", written)}");
        return outcome.ExitCode;
    }

    /// <summary>Fails before a long run, not after it, if the reports cannot be written.</summary>
    private static void EnsureWritable(VerifyOptions options)
    {
        try
        {
            Directory.CreateDirectory(Path.GetFullPath(options.OutputDirectory));
            if (options.JsonPath is { } json && Path.GetDirectoryName(Path.GetFullPath(json)) is { Length: > 0 } parent)
            {
                Directory.CreateDirectory(parent);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot create the output folder '{options.OutputDirectory}': {e.Message}", e);
        }
    }

    private static int Replay(ReplayOptions options, Discovery discovery, TextWriter output)
    {
        var path = options.TracePath;
        var trace = ReadTrace(path);
        var (verificationCase, property) = ReadCase(options, discovery);
        var scratch = Directory.CreateTempSubdirectory("verification-replay-");
        RunResult replayed;
        try
        {
            replayed = Exploration.Replay(verificationCase, trace, new RunSettings(ResultsDirectory: scratch.FullName));
        }
        catch (Exception e) when (e is not AssemblyNotRewrittenException)
        {
            throw new UsageException($"'{path}' does not replay as a trace of '{verificationCase.Text}': {e.GetType().Name}: {e.Message}", e);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        if (replayed.TraceMismatch)
        {
            // The message says what to do (record a fresh trace); the usage would not help.
            throw new HarnessInputException($"'{path}' for '{verificationCase.Text}': {replayed.Diagnosis}");
        }

        var reproduced = replayed.Verdict == Verdict.Fail && (property is not Property expected || replayed.Violates(expected));
        output.WriteLine($"Replayed {path}");
        output.WriteLine($"  case: {verificationCase.Text}");
        output.WriteLine($"  {verificationCase.Implementation.Name} ({verificationCase.Implementation.Contract}) on scenario {verificationCase.Scenario.Text}: " +
            (reproduced ? "the failure reproduced." : replayed.Verdict == Verdict.Fail ? $"it failed, but not on {property?.Id()}." : "no failure: the trace did not reproduce a bug."));
        foreach (var line in replayed.Violations.Select(v => $"  {v}").Append(replayed.Diagnosis is { } d ? $"  {d}" : null).OfType<string>())
        {
            output.WriteLine(line);
        }

        if (replayed.History is not null)
        {
            output.WriteLine();
            output.WriteLine(replayed.History);
        }

        return reproduced ? AsDeclared : NotAsDeclared;
    }

    /// <summary>Reads a trace and checks it is one Coyote wrote: a JSON object with its version and scheduling steps.</summary>
    private static string ReadTrace(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read trace '{path}': {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("CoyoteVersion", out _)
                || !root.TryGetProperty("Steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"'{path}' is not a Coyote trace (expected a JSON object with CoyoteVersion and Steps)");
            }
        }
        catch (JsonException e)
        {
            throw new UsageException($"'{path}' is not a Coyote trace (not JSON: {e.Message})", e);
        }

        return text;
    }

    private static (VerificationCase Case, Property? Property) ReadCase(ReplayOptions options, Discovery discovery)
    {
        try
        {
            return options.CaseText is { } text ? (VerificationCase.Parse(text, discovery), null) : ReplayCase.Read(options.TracePath, discovery);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
