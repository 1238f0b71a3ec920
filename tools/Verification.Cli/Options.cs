using System.Collections.Immutable;
using System.Globalization;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>The options of <c>verify</c>, checked before anything runs.</summary>
/// <param name="Implementations">Implementation names to verify; empty means every registered one.</param>
/// <param name="Properties">The properties to judge and report, in contract order.</param>
/// <param name="Engines">The engines to run, in the order given.</param>
/// <param name="Budget">Iterations, seeds, strategy, time limit; its results directory is the output folder.</param>
/// <param name="JsonPath">An extra path to write the JSON report to, if given.</param>
/// <param name="Characterize">Whether to find each implementation's fingerprint.</param>
/// <param name="Replay">With <c>--replay</c>: the trace to replay instead of verifying, and the case if given.</param>
internal sealed record VerifyOptions(
    ImmutableArray<string> Implementations,
    ImmutableArray<Property> Properties,
    ImmutableArray<IVerificationEngine> Engines,
    Budget Budget,
    string? JsonPath,
    bool Characterize,
    ReplayOptions? Replay)
{
    public const string DefaultOutput = "verification-results";

    public string OutputDirectory => Budget.Settings.ResultsDirectory;

    public static VerifyOptions Parse(IReadOnlyList<string> args)
    {
        var implementations = new List<string>();
        var properties = new SortedSet<Property>();
        IReadOnlyList<IVerificationEngine>? engines = null;
        var budget = new Budget(new RunSettings(ResultsDirectory: DefaultOutput));
        string? json = null;
        var characterize = true;
        string? replay = null;
        string? replayCase = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"{name} needs a value");
            var settings = budget.Settings;
            switch (name)
            {
                case "--impl":
                    implementations.AddRange(List(name, Value()));
                    break;
                case "--property":
                    properties.UnionWith(List(name, Value()).Select(ParseProperty));
                    break;
                case "--engine":
                    engines = EngineCatalog.Parse(Value());
                    break;
                case "--iterations":
                    budget = budget with { Settings = settings with { Iterations = Positive(name, Value()) } };
                    break;
                case "--seed":
                    budget = budget with { Settings = settings with { Seed = Seed(name, Value()) } };
                    break;
                case "--seeds":
                    budget = budget with { SeedCount = Positive(name, Value()) };
                    break;
                case "--shard":
                    budget = Shard(budget, Value());
                    break;
                case "--strategy":
                    var strategy = Value();
                    budget = budget with { Settings = settings with { Strategy = RunSettings.ParseStrategy(strategy) ?? throw new UsageException($"unknown strategy '{strategy}' (portfolio, random, pct, probabilistic, qlearning)") } };
                    break;
                case "--max-steps":
                    budget = budget with { Settings = settings with { MaxSteps = Positive(name, Value()) } };
                    break;
                case "--time-limit":
                    budget = budget with { Settings = settings with { TimeLimitSeconds = Positive(name, Value()) } };
                    break;
                case "--out":
                    budget = budget with { Settings = settings with { ResultsDirectory = Value() } };
                    break;
                case "--json":
                    json = Value();
                    break;
                case "--no-fingerprint":
                    characterize = false;
                    break;
                case "--replay":
                    replay = Value();
                    break;
                case "--case":
                    replayCase = Value();
                    break;
                default:
                    throw new UsageException($"unknown option '{name}'");
            }
        }

        if (replayCase is not null && replay is null)
        {
            throw new UsageException("--case is only meaningful with --replay");
        }

        return new VerifyOptions(
            [.. implementations.Distinct(StringComparer.OrdinalIgnoreCase)],
            properties.Count == 0 ? [.. PropertyIds.All] : [.. properties],
            [.. engines ?? EngineCatalog.Default],
            budget,
            json,
            characterize,
            replay is null ? null : new ReplayOptions(replay, replayCase));
    }

    /// <summary>The implementations named on the command line, or every one <paramref name="discovery"/> found.</summary>
    /// <exception cref="UsageException">A name is not registered.</exception>
    public ImmutableArray<Implementation> SelectImplementations(Discovery discovery)
    {
        if (Implementations.IsEmpty)
        {
            return discovery.Implementations;
        }

        return [.. Implementations.Select(name =>
        {
            try
            {
                return discovery.Find(name);
            }
            catch (ArgumentException unknown)
            {
                throw new UsageException($"unknown implementation '{name}' (registered: {string.Join(", ", discovery.Implementations.Select(i => i.Name))})", unknown);
            }
        })];
    }

    private static string[] List(string name, string value)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new UsageException($"{name} needs at least one name");
    }

    private static Property ParseProperty(string id) =>
        PropertyIds.TryParse(id, out var property) && !int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? property
            : throw new UsageException($"unknown property '{id}' (properties: {string.Join(", ", PropertyIds.All.Select(p => p.Id()))})");

    private static uint Seed(string name, string value) =>
        uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new UsageException($"{name} takes a whole number, not '{value}'");

    private static Budget Shard(Budget budget, string value)
    {
        try
        {
            var (index, count) = Budget.ParseShard(value);
            return budget with { ShardIndex = index, ShardCount = count };
        }
        catch (FormatException bad)
        {
            throw new UsageException($"--shard takes index/count with index below count, e.g. 0/4, not '{value}'", bad);
        }
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{name} takes a positive whole number, not '{value}'");
}

/// <summary>The options of <c>replay</c> (or <c>verify --replay</c>): a trace, and the case if not in the trace's sidecar.</summary>
internal sealed record ReplayOptions(string TracePath, string? CaseText)
{
    public static ReplayOptions Parse(IReadOnlyList<string> args)
    {
        string? trace = null;
        string? caseText = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--case" when i + 1 < args.Count:
                    caseText = args[++i];
                    break;
                case "--case":
                    throw new UsageException("--case needs a value");
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"unknown option '{option}'");
                case var path when trace is null:
                    trace = path;
                    break;
                default:
                    throw new UsageException($"replay takes one trace file, not also '{args[i]}'");
            }
        }

        return new ReplayOptions(trace ?? throw new UsageException("replay needs a trace file"), caseText);
    }
}

/// <summary>The command line was wrong; the message says how.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The harness's own input is bad (an implementation assembly that cannot be loaded, a trace of another build); the message
/// says what to fix.
/// </summary>
internal sealed class HarnessInputException(string message) : Exception(message);
