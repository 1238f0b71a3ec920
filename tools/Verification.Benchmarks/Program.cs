using System.Collections.Immutable;
using System.Diagnostics;
using Verification.Benchmarks;
using Verification.Core;

Options? options;
try
{
    options = Options.Parse(args, Console.Out);
}
catch (ArgumentException bad)
{
    await Console.Error.WriteLineAsync($"{bad.Message}{Environment.NewLine}{Options.Usage}").ConfigureAwait(false);
    return 64;
}

if (options is null)
{
    // Help was asked for, and printed.
    return 0;
}

// The bare baseline lives in this assembly: without rewriting it would run outside Coyote's scheduler.
RewriteGuard.EnsureRewritten(typeof(Options).Assembly);
var clock = Stopwatch.StartNew();
var date = DateTimeOffset.UtcNow;
var loadAtStart = MachineInfo.LoadAverage();
var scratch = Directory.CreateTempSubdirectory("verification-benchmarks-").FullName;
try
{
    var progress = Console.Out;
    var measurements = new Measurements(options, scratch, progress);
    progress.WriteLine($"Benchmarks: {options}");
    ImmutableArray<ThroughputRow> callers = [], lengths = [];
    ImmutableArray<CiRow> ci = [];
    ImmutableArray<BugFindingRow> bugFinding = [];
    ImmutableArray<StressRow> stress = [];
    ImmutableArray<BreakdownRow> breakdown = [];
    CiCost? ciCost = null;
    if (options.Runs("overhead"))
    {
        progress.WriteLine("== Where the harness's cost goes");
        var parts = new Breakdown(options, scratch, progress);
        breakdown = [.. parts.Run(2), .. parts.Run(8)];
    }

    if (options.Runs("overhead") || options.Runs("scaling"))
    {
        progress.WriteLine("== Overhead and scaling with callers (double-checked singleton, harness against a bare Coyote test)");
        callers = measurements.Callers(options.Runs("scaling") ? [1, 2, 4, 8, 16] : [2, 4, 8]);
    }

    if (options.Runs("scaling"))
    {
        progress.WriteLine("== Scaling with scenario length");
        lengths = measurements.Lengths();
    }

    if (options.Runs("budget"))
    {
        progress.WriteLine("== What the CI budget costs");
        ciCost = measurements.CiCost();
    }

    if (options.Runs("bugs") || options.Runs("stress"))
    {
        progress.WriteLine("== What CI does for each planted bug");
        ci = measurements.Ci();
    }

    if (options.Runs("bugs"))
    {
        progress.WriteLine("== Bug-finding per strategy");
        bugFinding = measurements.BugFinding(ci);
    }

    if (options.Runs("stress"))
    {
        progress.WriteLine("== Stress against Coyote, the same CPU time");
        stress = measurements.Stress(ci);
    }

    var results = new Results(
        date, MachineInfo.Describe(loadAtStart), options, callers, breakdown, lengths, ci, bugFinding, stress, ciCost, Math.Round(clock.Elapsed.TotalSeconds, 1));
    Directory.CreateDirectory(options.Out);
    ResultsWriter.Write(results, options.Out);
    progress.WriteLine($"Wrote {Path.Combine(options.Out, "results.md")} and {Path.Combine(options.Out, "results.json")} in {clock.Elapsed.TotalSeconds:0} s.");
    return 0;
}
finally
{
    Directory.Delete(scratch, recursive: true);
}
