using Verification.Core;

namespace Verification.Cli;

/// <summary>
/// What <c>--help</c> prints: the usage lines and every option, both written from the <see cref="OptionTable"/> (through
/// <see cref="VerifyOptions.Settings"/>, which names the engines).
/// </summary>
internal static class Usage
{
    public static void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var caseOption = OptionTable.Case.Synopsis;

        // verify's options are grouped by line as the README shows them: what to verify, how hard, limits and output.
        output.WriteLine($"usage: verify {OptionHelp.Synopsis(OptionTable.Implementations, OptionTable.Properties, VerifyOptions.EngineOption)}");
        output.WriteLine($"              {OptionHelp.Synopsis(OptionTable.Iterations, OptionTable.Seed, OptionTable.Seeds, OptionTable.Shard, OptionTable.Strategy)}");
        output.WriteLine($"              {OptionHelp.Synopsis(OptionTable.MaxSteps, OptionTable.TimeLimit, OptionTable.Out, OptionTable.Json, OptionTable.NoFingerprint)}");
        output.WriteLine($"       verify {OptionTable.Replay.Name} {OptionTable.Replay.ValueName} {caseOption}");
        output.WriteLine($"       replay {ReplayOptions.Trace} {caseOption}");
        output.WriteLine("       list");
        output.WriteLine();
        output.WriteLine("options:");
        OptionHelp.WriteOptions(output, VerifyOptions.Settings);
        output.WriteLine();
        output.WriteLine(
            $"exit codes: {CommandLine.AsDeclared} every implementation behaves as declared (replay: the failure reproduced), " +
            $"{CommandLine.NotAsDeclared} some does not (replay: it did not reproduce), {CommandLine.BadInput} bad input, " +
            $"{CommandLine.CannotRun} the harness could not run, {CommandLine.InconclusiveNotAccepted} none contradicts its declaration " +
            "but some has inconclusive cells and does not declare [AcceptsInconclusive(\"why\")] on its adapter.");
    }
}
