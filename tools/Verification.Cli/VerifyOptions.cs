using System.Collections.Immutable;
using Verification.Core;
using Verification.Core.CommandLine;
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
    /// <summary>
    /// <c>--engine</c> as <c>verify</c> reads it: the table's entry, its names checked against the catalog, which also
    /// names the choices help lists, so a new engine needs no edit here.
    /// </summary>
    public static Setting<ImmutableArray<string>> EngineOption { get; } =
        OptionTable.Engines.WithCheck(names => EngineCatalog.Resolve(names), EngineCatalog.Choices);

    /// <summary>The options of <c>verify</c>: the entries of <see cref="OptionTable.Verify"/>, with <see cref="EngineOption"/>.</summary>
    public static ImmutableArray<ISetting> Settings => [.. OptionTable.Verify.Select(setting => setting == OptionTable.Engines ? EngineOption : setting)];

    /// <summary>The <c>verify</c> command.</summary>
    public static CommandSpec Command => new("verify", "Verifies the implementations: the verdict matrix, fingerprints and three reports.") { Options = Settings };

    public string OutputDirectory => Budget.Settings.ResultsDirectory;

    /// <summary>Parses <c>verify</c>'s options alone (<paramref name="args"/> without the command).</summary>
    /// <exception cref="UsageException">An option is unknown or has a bad value.</exception>
    public static VerifyOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = CommandLineParser.Parse(Command, args);
        CommandLine.ThrowIfError(parsed);
        return Read(parsed);
    }

    /// <summary>The options of a <c>verify</c> command line that parsed without errors.</summary>
    /// <exception cref="UsageException">A word is not an option of <c>verify</c>, or <c>--case</c> comes without <c>--replay</c>.</exception>
    public static VerifyOptions Read(ParsedCommandLine parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Unmatched is [var unknown, ..])
        {
            throw new UsageException($"unknown option '{unknown}'");
        }

        if (parsed.Given(OptionTable.Case) && !parsed.Given(OptionTable.Replay))
        {
            throw new UsageException($"{OptionTable.Case.Name} is only meaningful with {OptionTable.Replay.Name}");
        }

        ISettingSource options = parsed;
        var replay = options.Get(OptionTable.Replay);
        return new VerifyOptions(
            options.Get(OptionTable.Implementations),
            options.Get(OptionTable.Properties),
            EngineCatalog.Resolve(options.Get(OptionTable.Engines)),
            Budget.Read(options, new Budget(new RunSettings())),
            options.Get(OptionTable.Json),
            !options.Get(OptionTable.NoFingerprint),
            replay is null ? null : new ReplayOptions(replay, options.Get(OptionTable.Case)));
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
}
