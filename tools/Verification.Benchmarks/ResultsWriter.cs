using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Verification.Benchmarks;

/// <summary>Writes results.json (every figure) and results.md (the same figures as tables).</summary>
internal static class ResultsWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(Results results, string directory)
    {
        File.WriteAllText(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(results, Json) + Environment.NewLine);
        File.WriteAllText(Path.Combine(directory, "results.md"), Markdown(results));
    }

    private static string Markdown(Results r)
    {
        var o = r.Options;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# Benchmark results");
        Line($"");
        Line($"Written by `dotnet run -c Release --project tools/Verification.Benchmarks{(o.Quick ? " -- --quick" : string.Empty)}` on {r.Date:yyyy-MM-dd HH:mm} UTC in {r.TotalSeconds:0} s.");
        Line($"");
        Line($"| machine | |");
        Line($"| --- | --- |");
        Line($"| OS | {r.Machine.Os} |");
        Line($"| runtime | {r.Machine.Runtime} |");
        Line($"| cores | {r.Machine.Cores} ({r.Machine.Cpu}) |");
        Line($"| load average (1, 5, 15 min) at start | {r.Machine.LoadAverageAtStart} |");
        Line($"| load average (1, 5, 15 min) at end | {r.Machine.LoadAverageAtEnd} |");
        Line($"");
        Line($"A load average above the number of cores means other work shared the machine: absolute rates are then low and noisy, and the ratios measured back to back are the figures to trust.");
        Line($"Each figure is the median, with the minimum and maximum in brackets, over {o.Repeats} repeats (throughput), {o.Seeds} seeds (bug-finding) or {o.Trials} trials (stress against Coyote).");
        Line($"Every Coyote run uses the default strategy (portfolio) unless a strategy is named.");
        Line($"");

        Line($"## 1. Overhead: the harness against a bare Coyote test");
        Line($"");
        Line($"The correct double-checked singleton with N callers and a setup that awaits once (`a=ok:1`), {o.ThroughputIterations} iterations from seed 1, through the harness (`Exploration.Run`: recorder, seam, oracles, verdict) and as a bare Coyote test written by hand for the same scenario (N `Task.Run` callers, a `SemaphoreSlim` double-checked singleton whose setup awaits `Task.Yield` once, one assertion), measured back to back in the same process.");
        Line($"Cost ratio = bare iterations per second / harness iterations per second, per repeat (1.0 = no overhead).");
        Line($"");
        Line($"| callers | harness it/s | bare it/s | cost ratio harness/bare |");
        Line($"| ---: | ---: | ---: | ---: |");
        foreach (var row in r.Callers.Where(c => c.CostRatio is not null && c.Callers is 2 or 4 or 8))
        {
            Line($"| {row.Callers} | {F(row.HarnessPerSecond, "0")} | {F(row.BarePerSecond, "0")} | {F(row.CostRatio, "0.00")} |");
        }

        Line($"");
        Line($"Where the cost goes: the same scenario with the harness's parts added one at a time (iterations per second; Coyote's scheduling steps and controlled operations per iteration, where its report is at hand):");
        Line($"");
        Line($"| callers | what runs in each iteration | it/s | steps per iteration | operations per iteration |");
        Line($"| ---: | --- | ---: | ---: | ---: |");
        foreach (var row in r.Breakdown)
        {
            Line($"| {row.Callers} | {row.Variant} | {F(row.PerSecond, "0")} | {row.StepsPerIteration?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} | {row.OperationsPerIteration?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} |");
        }

        Line($"");
        Line($"## 2. Bug-finding");
        Line($"");
        Line($"What CI does for each planted bug (and each documented violation of a third-party library): the standard scenarios in order, {o.CiIterations} iterations each, seed 1, default strategy, until one catches the declared property. The scenario that catches it is the one the bug is measured on below.");
        Line($"");
        Line($"| bug | property | caught in CI | scenario | iterations to the bug | seconds to the bug | scenarios run |");
        Line($"| --- | --- | --- | --- | ---: | ---: | ---: |");
        foreach (var row in r.Ci)
        {
            Line($"| {row.Bug} | {row.Property} | {(row.CatchingScenario is null ? "**no**" : "yes")} | {row.CatchingScenario ?? "-"} | {row.IterationsToBug} | {row.SecondsToBug:0.000} | {row.ScenariosRun} |");
        }

        Line($"");
        Line($"Per bug and strategy, over seeds 1 to {o.Seeds}, each a run with the CI budget ({o.CiIterations} iterations) on the bug's scenario: how many seeds found the declared property violated, and for those the iterations and seconds to the first bug (median / max).");
        Line($"");
        Line($"| bug | property | scenario | strategy | detected | iterations to bug (median / max) | seconds to bug (median / max) |");
        Line($"| --- | --- | --- | --- | ---: | ---: | ---: |");
        foreach (var row in r.BugFinding)
        {
            Line($"| {row.Bug} | {row.Property} | {row.Scenario} | {row.Strategy} | {row.Detected}/{row.Seeds} ({row.DetectionRate:0%}) | {MedianMax(row.IterationsToBug, "0")} | {MedianMax(row.SecondsToBug, "0.000")} |");
        }

        Line($"");
        Line($"## 3. Systematic against stress, the same CPU time");
        Line($"");
        Line($"Per bug, on its scenario, {o.Trials} trials per engine, each trial given {o.CpuBudgetSeconds} s of this process's CPU time (all threads). Coyote: default strategy, seed = trial number, stopping at the first bug (its own limit is wall-clock; a bug found after more CPU than the budget does not count). Stress: `StressRunner` in batches of 10 repetitions on the real thread pool until the declared property is violated or the CPU time is spent. Time to detect is over the trials that detected; executions are per trial, over all trials.");
        Line($"");
        Line($"CPU time is read from the process (`TotalProcessorTime`), whose resolution is a scheduler tick (10 ms on Linux): below that, read the wall-clock seconds.");
        Line($"");
        Line($"| bug | property | scenario | Coyote detected | Coyote CPU s to bug | Coyote wall s to bug | Coyote iterations | stress detected | stress CPU s to bug | stress wall s to bug | stress repetitions |");
        Line($"| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in r.Stress)
        {
            Line($"| {row.Bug} | {row.Property} | {row.Scenario} | {row.CoyoteDetected}/{row.Trials} | {F(row.CoyoteCpuSecondsToBug, "0.00")} | {F(row.CoyoteWallSecondsToBug, "0.000")} | {F(row.CoyoteExecutions, "0")} | {row.StressDetected}/{row.Trials} | {F(row.StressCpuSecondsToBug, "0.00")} | {F(row.StressWallSecondsToBug, "0.000")} | {F(row.StressExecutions, "0")} |");
        }

        Line($"");
        Line($"## 4. Scaling");
        Line($"");
        Line($"Milliseconds per iteration of the double-checked singleton, {o.ThroughputIterations} iterations from seed 1, as callers grow (scenario `c1=get ... cN=get a=ok:1`), with the bare test's for comparison:");
        Line($"");
        Line($"| callers | harness ms/iteration | bare ms/iteration | cost ratio harness/bare |");
        Line($"| ---: | ---: | ---: | ---: |");
        foreach (var row in r.Callers)
        {
            var bare = row.BarePerSecond is { } b ? new Spread(1000 / b.Median, 1000 / b.Max, 1000 / b.Min, b.Samples) : null;
            Line($"| {row.Callers} | {F(row.HarnessMsPerIteration, "0.00")} | {F(bare, "0.00")} | {F(row.CostRatio, "0.00")} |");
        }

        Line($"");
        Line($"and as scenarios lengthen (2 callers):");
        Line($"");
        Line($"| scenario | harness ms/iteration | harness it/s |");
        Line($"| --- | ---: | ---: |");
        foreach (var row in r.Lengths)
        {
            Line($"| `{row.Scenario}` | {F(row.HarnessMsPerIteration, "0.00")} | {F(row.HarnessPerSecond, "0")} |");
        }

        if (r.CiCost is { } cost)
        {
            Line($"");
            Line($"## 5. What the CI budget costs");
            Line($"");
            Line($"Milliseconds per iteration of each standard scenario at the CI budget ({o.CiIterations} iterations, seed 1, default strategy), on the double-checked singleton or, for the reset scenarios, the first correct implementation that declares a reset:");
            Line($"");
            Line($"| scenario | plan | implementation | ms/iteration |");
            Line($"| --- | --- | --- | ---: |");
            foreach (var row in cost.Scenarios)
            {
                Line($"| {row.Scenario} | `{row.Text}` | {row.Implementation} | {F(row.MsPerIteration, "0.00")} |");
            }

            Line($"");
            Line($"Estimated Coyote exploration in one CI run, per budget: {cost.Implementations} registered implementations that Coyote explores, {cost.ScenarioRuns} implementation-scenario pairs, each at the full budget twice (the matrix tests and `verify`), at the median cost per iteration above (a scenario not in the table at the median of those that are). An upper estimate of this part (a planted bug stops at its first failure), and only this part: building, the oracle and generated-scenario tests and the stress tests come on top.");
            Line($"");
            Line($"| iterations per scenario | estimated seconds |");
            Line($"| ---: | ---: |");
            foreach (var (budget, seconds) in cost.SecondsAtBudget)
            {
                Line($"| {budget} | {seconds:0} |");
            }
        }

        return md.ToString();
    }

    private static string F(Spread? spread, string format) =>
        spread is null
            ? "-"
            : string.Create(CultureInfo.InvariantCulture, $"{spread.Median.ToString(format, CultureInfo.InvariantCulture)} ({spread.Min.ToString(format, CultureInfo.InvariantCulture)}–{spread.Max.ToString(format, CultureInfo.InvariantCulture)})");

    private static string MedianMax(Spread? spread, string format) =>
        spread is null
            ? "-"
            : $"{spread.Median.ToString(format, CultureInfo.InvariantCulture)} / {spread.Max.ToString(format, CultureInfo.InvariantCulture)}";
}
