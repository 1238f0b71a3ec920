using Verification.Core;
using Verification.Core.CommandLine;

namespace Verification.Benchmarks;

/// <summary>What the benchmark run measures and how often.</summary>
/// <param name="Quick">A short run (few repeats and seeds) to check the program end to end.</param>
/// <param name="Repeats">How many times each throughput figure is measured.</param>
/// <param name="Seeds">How many seeds each planted bug gets per strategy.</param>
/// <param name="Trials">How many trials each engine gets per planted bug in the stress-against-Coyote comparison.</param>
/// <param name="ThroughputIterations">Iterations per throughput measurement.</param>
/// <param name="CiIterations">The CI budget: iterations per scenario.</param>
/// <param name="CpuBudgetSeconds">CPU time each engine gets per trial in the stress-against-Coyote comparison.</param>
/// <param name="Out">Where results.md and results.json are written.</param>
/// <param name="Only">If set, only these sections run (overhead, scaling, budget, bugs, stress; overhead includes the breakdown of its cost); the others are left empty.</param>
internal sealed record Options(
    bool Quick = false,
    int Repeats = 5,
    int Seeds = 20,
    int Trials = 10,
    int ThroughputIterations = 300,
    int CiIterations = 1000,
    int CpuBudgetSeconds = 2,
    string Out = "benchmarks",
    string? Only = null)
{
    /// <summary>What <c>--quick</c> starts from.</summary>
    public static Options QuickRun { get; } = new(Quick: true, Repeats: 2, Seeds: 3, Trials: 2, ThroughputIterations: 100, CpuBudgetSeconds: 1);

    public static string Usage =>
        $"usage: dotnet run -c Release --project tools/Verification.Benchmarks -- {OptionHelp.Synopsis(BenchmarkSettings.All)}";

    private static CommandSpec Command => new("Verification.Benchmarks", "Measures the harness's speed and how quickly it finds bugs.")
    {
        Options = BenchmarkSettings.All,
    };

    public bool Runs(string section) => Only is null || Only.Split(',').Contains(section, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the command line; null if it asks for help, which is then written to <paramref name="help"/>.</summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is not valid; the message says which, in one line.</exception>
    public static Options? Parse(IReadOnlyList<string> args, TextWriter help)
    {
        ArgumentNullException.ThrowIfNull(help);
        var parsed = CommandLineParser.Parse(Command, args);
        if (parsed.HelpRequested)
        {
            help.WriteLine(Usage);
            help.WriteLine();
            help.WriteLine("options:");
            OptionHelp.WriteOptions(help, BenchmarkSettings.All);
            return null;
        }

        var error = parsed.Error ?? (parsed.Unmatched is [var unknown, ..] ? $"unknown option '{unknown}'" : null);
        if (error is not null)
        {
            throw new ArgumentException(error);
        }

        // --quick changes the defaults; an option given beside it still wins, wherever it stands.
        ISettingSource given = parsed;
        var defaults = given.Get(BenchmarkSettings.Quick) ? QuickRun : new Options();
        return defaults with
        {
            Repeats = given.Get(BenchmarkSettings.Repeats, defaults.Repeats),
            Seeds = given.Get(BenchmarkSettings.Seeds, defaults.Seeds),
            Trials = given.Get(BenchmarkSettings.Trials, defaults.Trials),
            ThroughputIterations = given.Get(BenchmarkSettings.Iterations, defaults.ThroughputIterations),
            CiIterations = given.Get(BenchmarkSettings.CiIterations, defaults.CiIterations),
            CpuBudgetSeconds = given.Get(BenchmarkSettings.CpuBudget, defaults.CpuBudgetSeconds),
            Out = given.Get(BenchmarkSettings.Out, defaults.Out),
            Only = given.Get(BenchmarkSettings.Only, defaults.Only),
        };
    }
}
