using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;
using Verification.Core;

namespace Verification.Benchmarks;

/// <summary>
/// The baseline the harness is measured against: the same scenario as the harness's <c>c1=get ... cN=get a=ok:1</c> on the
/// double-checked singleton, written by hand as a bare Coyote test. N callers via <see cref="Task.Run(Func{Task})"/> call a
/// double-checked <see cref="SemaphoreSlim"/> singleton whose setup awaits <see cref="Task.Yield"/> once; one assertion
/// that every caller got the same instance, no recorder, no oracles.
/// </summary>
internal static class BareSingletonTest
{
    /// <summary>Runs the bare test for <paramref name="settings"/>'s iterations, seed and strategy; returns the iterations explored.</summary>
    public static int Run(int callers, RunSettings settings) => RunEngine(() => IterationAsync(callers), settings).Iterations;

    /// <summary>Runs <paramref name="body"/> as a Coyote test; fails if Coyote finds a bug.</summary>
    public static (int Iterations, double StepsPerIteration, double OperationsPerIteration) RunEngine(Func<Task> body, RunSettings settings)
    {
        var report = CoyoteHost.Run(Configure(settings), body).Report;
        if (report.NumOfFoundBugs > 0)
        {
            throw new InvalidOperationException($"A baseline test failed: {string.Join(Environment.NewLine, report.BugReports)}");
        }

        var iterations = report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths;
        return (iterations, (double)(report.TotalExploredFairSteps + report.TotalExploredUnfairSteps) / iterations, (double)report.TotalControlledOperations / iterations);
    }

    /// <summary>One iteration of the bare test, for <paramref name="callers"/> callers.</summary>
    /// <param name="callers">How many callers.</param>
    /// <param name="separateSetup">Await the setup as its own async method, as the implementations under the harness do
    /// (the article's connector awaits <c>ConnectAsync</c>), instead of awaiting <see cref="Task.Yield"/> inline.</param>
    public static Func<Task> Body(int callers, bool separateSetup = false) => () => IterationAsync(callers, separateSetup);

    /// <summary>The same configuration <see cref="RunSettings"/> gives the harness's runs.</summary>
    public static Configuration Configure(RunSettings settings)
    {
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)settings.Iterations)
            .WithRandomGeneratorSeed(settings.Seed)
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None);
        return settings.Strategy switch
        {
            Strategy.Random => configuration.WithRandomStrategy(),
            Strategy.Pct => configuration.WithPrioritizationStrategy(),
            Strategy.Probabilistic => configuration.WithProbabilisticStrategy(),
            Strategy.QLearning => configuration.WithQLearningStrategy(),
            _ => configuration,
        };
    }

    private static async Task IterationAsync(int callers, bool separateSetup = false)
    {
        var singleton = new Singleton(separateSetup);
        var tasks = new Task<object>[callers];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(singleton.GetAsync);
        }

        var instances = await Task.WhenAll(tasks).ConfigureAwait(false);
        Specification.Assert(instances.All(instance => ReferenceEquals(instance, instances[0])), "Callers received different instances.");
    }

#pragma warning disable CA1001 // Like the harness's implementations, the singleton is dropped with its iteration, not disposed.
    private sealed class Singleton(bool separateSetup)
#pragma warning restore CA1001
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private object? _instance;

        public async Task<object> GetAsync()
        {
            if (Volatile.Read(ref _instance) is { } ready)
            {
                return ready;
            }

            await _lock.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_instance is null)
                {
                    var instance = new object();
                    if (separateSetup)
                    {
                        await SetupAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.Yield();
                    }

                    Volatile.Write(ref _instance, instance);
                }

                return _instance;
            }
            finally
            {
                _lock.Release();
            }
        }

        private static async Task SetupAsync() => await Task.Yield();
    }
}
