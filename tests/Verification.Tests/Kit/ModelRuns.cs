using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;
using Verification.Core;

namespace Verification.Tests.Kit;

/// <summary>
/// Runs a small concurrent program that returns what it observed, on real threads and under Coyote, so a model of an
/// API (src/Verification.Models) can be held against the real API: the test assembly is woven like the code under test,
/// so inside a Coyote iteration the program runs on the models and outside one on the real types.
/// </summary>
internal static class ModelRuns
{
    /// <summary>What the program observed in each of <paramref name="iterations"/> Coyote iterations, and Coyote's report.</summary>
    public static (ImmutableSortedSet<string> Outcomes, TestReport Report) UnderCoyote(Func<Task<string>> program, int iterations = 200)
    {
        var outcomes = new ConcurrentBag<string>();
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)iterations)
            .WithRandomGeneratorSeed(1)
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithMaxSchedulingSteps(2000, 4000)
            .WithFailureOnMaxStepsBoundEnabled(true);
        var run = CoyoteHost.Run(configuration, async () => outcomes.Add(await program()));
        return ([.. outcomes], run.Report);
    }

    /// <summary>What the program observed in each of <paramref name="runs"/> runs on the thread pool ("hung" past 10 s).</summary>
    public static ImmutableSortedSet<string> OnRealThreads(Func<Task<string>> program, int runs = 200)
    {
        var outcomes = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < runs; i++)
        {
            var run = Task.Run(program);
            outcomes.Add(run.Wait(TimeSpan.FromSeconds(10)) ? run.Result : "hung");
        }

        return [.. outcomes];
    }

    /// <summary>The name of what a task ended with: its result, "canceled", or the exception's type.</summary>
    public static async Task<string> OutcomeOf<T>(Task<T> task)
    {
        try
        {
            return $"{await task}";
        }
        catch (OperationCanceledException)
        {
            return "canceled";
        }
#pragma warning disable CA1031 // The outcome is the exception's type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.GetType().Name;
        }
    }

    /// <inheritdoc cref="OutcomeOf{T}(Task{T})"/>
    public static Task<string> OutcomeOf(Task task) => OutcomeOf(Completed(task));

    private static async Task<string> Completed(Task task)
    {
        await task;
        return "done";
    }
}
