using System.Globalization;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>Prints the verdict matrix (implementation × property), the fingerprints, and below them every failure in full.</summary>
internal static class MatrixPrinter
{
    public static void Print(VerificationOutcome outcome, TextWriter output)
    {
        var rows = outcome.Implementations;
        var properties = outcome.Options.Properties;
        if (rows.IsEmpty)
        {
            output.WriteLine("No implementation to verify.");
            return;
        }

        var nameWidth = Math.Max(14, rows.Max(r => r.Implementation.Name.Length));
        output.Write("implementation".PadRight(nameWidth));
        output.Write("  expected   ");
        foreach (var property in properties)
        {
            output.Write($"  {property.Id(),-9}");
        }

        output.WriteLine("  as declared  fingerprint");
        foreach (var row in rows)
        {
            output.Write(row.Implementation.Name.PadRight(nameWidth));
            output.Write($"  {(row.Implementation.ExpectedViolation is Property p ? "fail " + p.Id() : "pass"),-11}");
            foreach (var property in properties)
            {
                output.Write($"  {Cell(row.VerdictOf(property)),-9}");
            }

            output.WriteLine($"  {AsDeclared(row),-11}  {FingerprintText(row)}");
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Sum(r => r.Iterations)} iterations in {outcome.Elapsed.TotalSeconds:F1} s; {outcome.Options.Budget}. Verdicts are judged against each implementation's declared contract; the fingerprint is what it was seen to do."));

        foreach (var row in rows)
        {
            foreach (var group in row.FailureGroups)
            {
                output.WriteLine();
                output.WriteLine(Describe(group));
            }

            foreach (var (cause, inconclusive) in row.InconclusiveGroups)
            {
                output.WriteLine();
                output.WriteLine($"{row.Implementation.Name}: {string.Join(", ", inconclusive.Select(p => p.Id()))} inconclusive: {cause}");
            }
        }
    }

    /// <summary>A failure as a person reads it: the witness's full text, or what was seen if no trace could be recorded.</summary>
    public static string Describe(FailureGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var result = group.First;
        var header = $"{group.PropertyIds} FAIL [{group.Engine}]: ";
        if (result.Witness is { } witness)
        {
            return header + witness.Describe() + Environment.NewLine + $"Replay in process:       {CliCommands.Replay(witness.TracePath!)}";
        }

        var implementation = group.Implementation;
        var lines = new List<string> { $"{header}{implementation.Name} ({implementation.Contract}) on scenario {result.Scenario}." };
        lines.AddRange(group.Results.Select(r => $"  {r.Violation}"));
        lines.AddRange(group.Results.Select(r => r.Cause).OfType<string>().Distinct().Select(c => $"  {c}"));

        if (result.History is not null)
        {
            lines.Add(string.Empty);
            lines.Add(result.History);
        }

        return string.Join(Environment.NewLine, lines);
    }

    public static string Cell(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "FAIL",
        Verdict.Inconclusive => "inconcl.",
        _ => "n/a",
    };

    /// <summary>yes, NO or not checked; a yes with inconclusive cells says so, since nothing then confirms it.</summary>
    public static string AsDeclared(ImplementationOutcome row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.AsDeclared switch
        {
            true => row.Conclusive ? "yes" : "yes (inc.)",
            false => "NO",
            _ => "not checked",
        };
    }

    private static string FingerprintText(ImplementationOutcome row)
    {
        if (row.Fingerprint is not { } fingerprint)
        {
            return "-";
        }

        return fingerprint.Matches(row.Implementation.Contract) ? $"{fingerprint} (as declared)" : $"{fingerprint} (declared {row.Implementation.Contract})";
    }
}
