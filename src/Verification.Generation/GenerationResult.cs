using System.Globalization;
using Verification.Core;
using Verification.Specs;

namespace Verification.Generation;

/// <summary>What a run of generated scenarios found: nothing, or a counterexample shrunk to the smallest failing plan.</summary>
/// <param name="Implementation">The implementation the scenarios ran on.</param>
/// <param name="Settings">The settings of the run.</param>
/// <param name="Target">The property a scenario had to violate to count as failing; null for any failure.</param>
/// <param name="Seed">The FsCheck seed the run started from: with the same number of tests it generates the same scenarios.</param>
/// <param name="Tests">How many scenarios were generated (up to and including the first failing one).</param>
/// <param name="Shrinks">How many shrink steps succeeded, from the first failing scenario to the shrunk one.</param>
/// <param name="Runs">How many runs the search made: one per generated scenario and one per shrink candidate tried.</param>
/// <param name="Original">The first failing scenario, as generated.</param>
/// <param name="Shrunk">The smallest failing scenario shrinking reached.</param>
/// <param name="Elapsed">How long the search took, shrinking included.</param>
public sealed record GenerationResult(
    Implementation Implementation,
    GenerationSettings Settings,
    Property? Target,
    ReplaySeed Seed,
    int Tests,
    int Shrinks,
    int Runs,
    Scenario? Original,
    Scenario? Shrunk,
    TimeSpan Elapsed)
{
    /// <summary>The Coyote run of <see cref="Shrunk"/>, with its history, trace and replay commands.</summary>
    public RunResult? Counterexample { get; init; }

    /// <summary>For a search on the real thread pool (<see cref="StressSettings"/> set), the stress run of <see cref="Shrunk"/>.</summary>
    public StressResult? StressCounterexample { get; init; }

    /// <summary>Set if the scenarios ran on the real thread pool under the stress engine instead of under Coyote.</summary>
    public StressSettings? StressSettings { get; init; }

    public bool Found => Shrunk is not null;

    public ScenarioSize? ShrunkSize => Shrunk is null ? null : ScenarioSize.Of(Shrunk);

    /// <summary>What ran each scenario, in words.</summary>
    public string Engine => StressSettings is { } stress
        ? string.Create(CultureInfo.InvariantCulture, $"each scenario up to {stress.Repetitions} times on the real thread pool")
        : $"each scenario under Coyote, {Settings.Case}";

    /// <summary>How to pin this run's seed, in the three places a seed can be given.</summary>
    public string PinInstructions =>
        string.Create(CultureInfo.InvariantCulture,
            $"set {GenerationSettings.Variables.Replay}='{Seed.Seed},{Seed.Gamma}' and {GenerationSettings.Variables.Tests}={Settings.Tests} " +
            $"for dotnet test; or GenerationSettings {{ Replay = ReplaySeed.Parse(\"{Seed}\"), Tests = {Settings.Tests} }}; " +
            $"or FsCheck's Config.WithReplay(new Replay(new Rnd({Seed.Seed}UL, {Seed.Gamma}UL), null)).WithMaxTest({Settings.Tests})");

    /// <summary>The full text a person reads: the shrunk scenario, the seed and how to pin it, the history, the trace and how to replay it.</summary>
    public string Describe()
    {
        var seconds = Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var lookingFor = Target is Property property ? $"violating {property.Id()}" : "failing";
        if (!Found)
        {
            return $"{Implementation.Name} ({Implementation.Contract}): no scenario {lookingFor} among {Tests} generated, {Engine}; " +
                   $"{Runs} runs in {seconds} s. FsCheck seed {Seed}.";
        }

        var lines = new List<string>
        {
            $"{Implementation.Name} ({Implementation.Contract}): FsCheck found a scenario {lookingFor} after {Tests} generated scenario(s) " +
            $"and shrank it in {Shrinks} step(s), {Engine}; {Runs} runs in {seconds} s.",
            $"  Shrunk scenario:  {Shrunk!.Text}",
            $"  Its size:         {ShrunkSize}",
            $"  As generated:     {Original!.Text}",
            $"  FsCheck seed:     {Seed}. To pin it, {PinInstructions}.",
        };
        if (Counterexample is { Verdict: Verdict.Pass })
        {
            lines.Add("  The shrunk scenario failed while shrinking but passed when run again with the same Coyote seed: the run is not deterministic.");
        }

        foreach (var described in new[] { Counterexample?.Describe(), StressCounterexample?.Describe() }.OfType<string>())
        {
            lines.Add(string.Empty);
            lines.Add(described);
        }

        return string.Join(Environment.NewLine, lines);
    }
}
