using System.Globalization;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;

namespace Verification.Core;

/// <summary>A Coyote exploration strategy, selectable by name.</summary>
public enum Strategy
{
    /// <summary>Coyote's default: a fair portfolio that rotates strategies across iterations.</summary>
    Portfolio,
    Random,

    /// <summary>Priority-based (PCT).</summary>
    Pct,
    Probabilistic,
    QLearning,
}

/// <summary>How hard to look: iterations, seed, strategy, step bound and where to write failures.</summary>
/// <param name="Iterations">Schedules to explore per scenario.</param>
/// <param name="Seed">Seed of Coyote's random choices; the same seed gives the same schedules.</param>
/// <param name="Strategy">The exploration strategy.</param>
/// <param name="MaxSteps">Bound on scheduling steps per iteration; null keeps Coyote's default (as <c>coyote replay</c> uses).</param>
/// <param name="ResultsDirectory">Where traces, reports and histories of failures are written.</param>
/// <param name="TimeLimitSeconds">If set, each run explores for this long instead of a fixed number of iterations.</param>
public sealed record RunSettings(
    int Iterations = 1000,
    uint Seed = 1,
    Strategy Strategy = Strategy.Portfolio,
    int? MaxSteps = null,
    string ResultsDirectory = "verification-results",
    int? TimeLimitSeconds = null)
{
    /// <summary>Reads a strategy name as the command line and the environment spell it; null if unknown.</summary>
    public static Strategy? ParseStrategy(string name) =>
        Enum.TryParse<Strategy>(name.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var strategy) && Enum.IsDefined(strategy)
            ? strategy
            : null;

    internal Configuration ToConfiguration()
    {
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)Iterations)
            .WithRandomGeneratorSeed(Seed)
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None);
        configuration = Strategy switch
        {
            Strategy.Random => configuration.WithRandomStrategy(),
            Strategy.Pct => configuration.WithPrioritizationStrategy(),
            Strategy.Probabilistic => configuration.WithProbabilisticStrategy(),
            Strategy.QLearning => configuration.WithQLearningStrategy(),
            _ => configuration,
        };
        if (TimeLimitSeconds is int seconds)
        {
            configuration = configuration.WithTestingTimeout(seconds);
        }

        return MaxSteps is int steps ? configuration.WithMaxSchedulingSteps((uint)steps) : configuration;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Iterations} iterations, seed {Seed}, strategy {Strategy.ToString().ToLowerInvariant()}");
}
