using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Coyote.Specifications;
using Verification.Core;
using Verification.Specs;

namespace Verification.Benchmarks;

/// <summary>Runs the breakdown: bare test, scenario executor alone, executor and oracles, the whole runner.</summary>
internal sealed class Breakdown(Options options, string scratch, TextWriter progress)
{
    private static readonly Implementation Correct = Registry.Find("double-checked");

    public ImmutableArray<BreakdownRow> Run(int callers)
    {
        var scenario = Scenario.Create($"{callers} caller(s)", string.Join(' ', Enumerable.Range(1, callers).Select(c => $"c{c}=get")) + " a=ok:1");
        var settings = new RunSettings(Iterations: options.ThroughputIterations, Seed: 1, ResultsDirectory: scratch);
        var variants = new (string Name, Func<Task>? Body)[]
        {
            ("bare Coyote test", BareSingletonTest.Body(callers)),
            ("bare Coyote test, setup awaited as its own async method", BareSingletonTest.Body(callers, separateSetup: true)),
            ("scenario executor (recorder, seam, adapter), no oracles", () => ExecuteAsync(scenario, judge: false)),
            ("scenario executor and oracles (the harness's iteration body)", () => ExecuteAsync(scenario, judge: true)),
            ("the whole runner (Exploration.Run)", null),
        };
        var rates = variants.Select(_ => new List<double>()).ToArray();
        var shape = new (double Steps, double Operations)?[variants.Length];
        for (var repeat = -1; repeat < options.Repeats; repeat++)
        {
            // Repeat -1 warms up; the order rotates so that no variant always runs first.
            for (var k = 0; k < variants.Length; k++)
            {
                var v = (k + Math.Max(repeat, 0)) % variants.Length;
                var run = repeat < 0 ? settings with { Iterations = 5 } : settings;
                var clock = Stopwatch.StartNew();
                int iterations;
                if (variants[v].Body is { } body)
                {
                    var (explored, steps, operations) = BareSingletonTest.RunEngine(body, run);
                    (iterations, shape[v]) = (explored, (steps, operations));
                }
                else
                {
                    iterations = Exploration.Run(Correct, scenario, run).Iterations;
                }

                if (repeat >= 0)
                {
                    rates[v].Add(iterations / clock.Elapsed.TotalSeconds);
                }
            }
        }

        var rows = variants.Select((v, i) => new BreakdownRow(callers, v.Name, Spread.Of(rates[i]), shape[i]?.Steps, shape[i]?.Operations)).ToImmutableArray();
        foreach (var row in rows)
        {
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {callers} caller(s), {row.Variant}: {row.PerSecond.Median:0} it/s, {row.StepsPerIteration:0.0} steps, {row.OperationsPerIteration:0.0} operations per iteration"));
        }

        return rows;
    }

    private static async Task ExecuteAsync(Scenario scenario, bool judge)
    {
        var recorder = new HistoryRecorder(scenario.Callers.Length);
        await ScenarioExecutor.ExecuteAsync(Correct, Correct.CreateAdapter(), scenario, recorder).ConfigureAwait(false);
        if (judge)
        {
            var violations = Contract.Judge(recorder.ToHistory(), Correct.Contract);
            Specification.Assert(violations.IsEmpty, "Contract violated.");
        }
    }
}
