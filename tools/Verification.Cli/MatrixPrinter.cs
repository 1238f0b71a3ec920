using System.Globalization;
using Verification.Core;
using Verification.Specs;

namespace Verification.Cli;

/// <summary>Prints the verdict matrix (implementation × property) and, below it, every failure in full.</summary>
internal static class MatrixPrinter
{
    public static void Print(IReadOnlyList<ImplementationReport> reports, TextWriter output)
    {
        var nameWidth = Math.Max(14, reports.Max(r => r.Implementation.Name.Length));
        output.Write("implementation".PadRight(nameWidth));
        output.Write("  expected      ");
        foreach (var property in PropertyIds.All)
        {
            output.Write($"  {property.Id(),-9}");
        }

        output.WriteLine("  iterations  as declared");
        foreach (var report in reports)
        {
            output.Write(report.Implementation.Name.PadRight(nameWidth));
            output.Write($"  {(report.Implementation.ExpectedViolation is Property p ? "fail " + p.Id() : "pass"),-14}");
            foreach (var property in report.Properties)
            {
                output.Write($"  {Cell(property.Verdict),-9}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {report.Iterations,10}  {(report.AsDeclared ? "yes" : "NO")}"));
        }

        foreach (var run in reports.SelectMany(r => r.Runs).Where(r => r.Verdict != Verdict.Pass))
        {
            output.WriteLine();
            output.WriteLine(run.Describe());
        }
    }

    private static string Cell(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "FAIL",
        Verdict.Inconclusive => "inconcl.",
        _ => "n/a",
    };
}
