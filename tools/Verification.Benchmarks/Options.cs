using System.Globalization;

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
    public const string Usage =
        "usage: dotnet run -c Release --project tools/Verification.Benchmarks -- [--quick] [--repeats N] [--seeds N] [--trials N] " +
        "[--iterations N] [--ci-iterations N] [--cpu-budget SECONDS] [--out DIR] [--only overhead,scaling,budget,bugs,stress]";

    public bool Runs(string section) => Only is null || Only.Split(',').Contains(section, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">An option is unknown or its value is not a positive whole number.</exception>
    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick")
            ? new Options(Quick: true, Repeats: 2, Seeds: 3, Trials: 2, ThroughputIterations: 100, CpuBudgetSeconds: 1)
            : new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            int Number() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{name} takes a positive whole number.");
            options = name switch
            {
                "--quick" => options,
                "--repeats" => options with { Repeats = Number() },
                "--seeds" => options with { Seeds = Number() },
                "--trials" => options with { Trials = Number() },
                "--iterations" => options with { ThroughputIterations = Number() },
                "--ci-iterations" => options with { CiIterations = Number() },
                "--cpu-budget" => options with { CpuBudgetSeconds = Number() },
                "--only" => options with { Only = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--only takes a list of sections.") },
                "--out" => options with { Out = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--out takes a folder.") },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }
}
