using System.Globalization;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>The <c>verify</c> and <c>list</c> commands.</summary>
public static class CommandLine
{
    private const string Usage = """
        usage: verify [--impl NAME[,NAME...]] [--iterations N] [--seed N] [--seeds N] [--shard I/N]
                      [--strategy portfolio|random|pct|probabilistic|qlearning] [--max-steps N] [--time-limit SECONDS] [--out DIR]
               list
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Task.FromResult(args switch
            {
                ["list", ..] => List(output),
                ["verify", .. var options] => Verify(Options.Parse(options), output),
                _ => Fail(error, "expected a command: verify or list"),
            });
        }
        catch (UsageException usage)
        {
            return Task.FromResult(Fail(error, usage.Message));
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"verify: {message}");
        error.WriteLine(Usage);
        return 2;
    }

    private static int List(TextWriter output)
    {
        foreach (var implementation in Registry.All)
        {
            var expected = implementation.ExpectedViolation is Property p ? $" must violate {p.Id()}" : string.Empty;
            output.WriteLine($"{implementation.Name,-28} {Kind(implementation.Kind),-12} {implementation.Contract}{expected}");
        }

        return 0;
    }

    private static int Verify(Options options, TextWriter output)
    {
        var implementations = options.Implementations.Count == 0
            ? Registry.All.ToList()
            : options.Implementations.Select(Find).ToList();
        output.WriteLine($"Verifying {implementations.Count} implementation(s): {options.Budget}.");
        var reports = new List<ImplementationReport>();
        foreach (var implementation in implementations)
        {
            var progress = new Progress(output, implementation);
            reports.Add(Verifier.Verify(implementation, options.Budget, progress));
        }

        output.WriteLine();
        MatrixPrinter.Print(reports, output);
        return reports.All(r => r.AsDeclared) ? 0 : 1;
    }

    private static Implementation Find(string name)
    {
        try
        {
            return Registry.Find(name);
        }
        catch (ArgumentException unknown)
        {
            throw new UsageException(unknown.Message);
        }
    }

    internal static string Kind(ImplementationKind kind) => kind switch
    {
        ImplementationKind.PlantedBug => "planted-bug",
        ImplementationKind.ThirdParty => "third-party",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Prints one line per finished run, synchronously, so progress appears as it happens.</summary>
    private sealed class Progress(TextWriter output, Implementation implementation) : IProgress<RunResult>
    {
        public void Report(RunResult value) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {implementation.Name,-28} {value.Scenario.Name,-16} {value.Verdict.ToString().ToLowerInvariant(),-12} {value.Iterations,6} iterations  {value.Elapsed.TotalSeconds,6:F1} s  {value.Iterations / Math.Max(value.Elapsed.TotalSeconds, 0.001),7:F0} it/s"));
    }
}
