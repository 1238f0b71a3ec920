using System.Globalization;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;

namespace Verification.Core;

/// <summary>How hard to look: iterations, seed, strategy, step bound and where to write failures.</summary>
/// <param name="Iterations">Schedules to explore per scenario.</param>
/// <param name="Seed">Seed of Coyote's random choices; the same seed gives the same schedules.</param>
/// <param name="Strategy">The exploration strategy.</param>
/// <param name="MaxSteps">Bound on (unfair) scheduling steps per iteration; fair strategies get twice as many. Reaching it is a
/// LIVE failure. The standard scenarios take a few hundred steps at most, so the default reports a livelock in seconds,
/// where Coyote's own default (10,000 and 100,000) takes minutes.</param>
/// <param name="ResultsDirectory">Where traces, reports and histories of failures are written.</param>
/// <param name="TimeLimitSeconds">If set, each run explores for this long instead of a fixed number of iterations.</param>
public sealed record RunSettings(
    int Iterations = 1000,
    uint Seed = 1,
    Strategy Strategy = Strategy.Portfolio,
    int MaxSteps = RunSettings.DefaultMaxSteps,
    string ResultsDirectory = "verification-results",
    int? TimeLimitSeconds = null)
{
    public const int DefaultMaxSteps = 1000;

    /// <summary>The configuration to explore with: the shared settings, iterations, seed, strategy and time limit.</summary>
    internal Configuration ToConfiguration()
    {
        var configuration = BaseConfiguration()
            .WithTestingIterations((uint)Iterations)
            .WithRandomGeneratorSeed(Seed);
        configuration = Strategy switch
        {
            Strategy.Random => configuration.WithRandomStrategy(),
            Strategy.Pct => configuration.WithPrioritizationStrategy(),
            Strategy.Probabilistic => configuration.WithProbabilisticStrategy(),
            Strategy.QLearning => configuration.WithQLearningStrategy(),
            _ => configuration,
        };
        return TimeLimitSeconds is int seconds ? configuration.WithTestingTimeout(seconds) : configuration;
    }

    /// <summary>The configuration to replay <paramref name="trace"/> with: the same shared settings as the run that wrote it.</summary>
    /// <remarks>
    /// Coyote logs at error level where the schedule stops matching the trace, and logs nothing else at that level, so the
    /// replay listens there: it is how a trace recorded against another build is told apart from one that merely ran clean.
    /// </remarks>
    internal Configuration ToReplayConfiguration(string trace) =>
        BaseConfiguration().WithReproducibleTrace(trace).WithVerbosityEnabled(VerbosityLevel.Error);

    private Configuration BaseConfiguration() => Configuration.Create()
        .WithTelemetryEnabled(false)
        .WithVerbosityEnabled(VerbosityLevel.None)
        .WithMaxSchedulingSteps((uint)MaxSteps, (uint)MaxSteps * 2)

        // A livelock (a spin that never ends) would otherwise be cut off at the bound and pass in silence.
        .WithFailureOnMaxStepsBoundEnabled(true);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Iterations} iterations, seed {Seed}, strategy {Strategy.ToString().ToLowerInvariant()}");
}
