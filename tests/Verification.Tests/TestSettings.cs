using Verification.Core;
using Verification.Generation;

namespace Verification.Tests;

/// <summary>The budget the suite runs with, and where failures are written.</summary>
internal static class TestSettings
{
    /// <summary>The CI budget: a fixed seed, so every run explores the same schedules. Deep runs override it (README).</summary>
    public const int CiIterations = 1000;

    public static string ResultsDirectory => Path.Combine(TestContext.CurrentContext.WorkDirectory, "verification-results");

    /// <summary>The CI budget, exactly, whatever the environment says: for tests whose assertions depend on it.</summary>
    public static RunSettings Ci => new(Iterations: CiIterations, Seed: 1, ResultsDirectory: ResultsDirectory);

    /// <summary>The CI budget as overridden by the VERIFICATION_* environment variables (deep and sharded runs).</summary>
    public static Budget Budget => Budget.FromEnvironment(new Budget(Ci));

    /// <summary>Generated scenarios per implementation in CI: the issue asks for at least 100.</summary>
    public const int GeneratedTests = 100;

    /// <summary>
    /// Coyote iterations per generated scenario (and per shrink candidate). Small on purpose: the matrix explores the
    /// hand-picked scenarios deeply; generation explores many plans, each a little. 100 scenarios at 10 iterations take
    /// about 5 to 10 s per implementation on a 2-core machine.
    /// </summary>
    public const int GeneratedCaseIterations = 10;

    /// <summary>
    /// Coyote iterations per generated scenario when searching a planted bug. A bug pays the full budget only on the
    /// scenarios and shrink candidates that pass, so it can afford more, which lets shrinking keep only plans on which
    /// the bug really needs no more than they hold.
    /// </summary>
    public const int GeneratedBugCaseIterations = 50;

    /// <summary>The CI settings for generated scenarios, exactly: a fixed FsCheck seed and a fixed Coyote seed.</summary>
    public static GenerationSettings GenerationCi => new(Ci with { Iterations = GeneratedCaseIterations }, GeneratedTests, ReplaySeed.Fixed);

    /// <summary>The CI settings for generated scenarios as overridden by the VERIFICATION_GENERATED_* variables.</summary>
    public static GenerationSettings Generation => GenerationSettings.FromEnvironment(GenerationCi);

    /// <summary>The settings for searching a planted bug: as <see cref="Generation"/>, with the bug budget per scenario unless overridden.</summary>
    public static GenerationSettings GenerationForBugs =>
        GenerationSettings.FromEnvironment(GenerationCi with { Case = GenerationCi.Case with { Iterations = GeneratedBugCaseIterations } });

    /// <summary>Attaches a failure's trace, Coyote report and history to the NUnit result.</summary>
    public static void Attach(RunResult result)
    {
        if (result.TracePath is not { } trace)
        {
            return;
        }

        foreach (var (path, description) in Artefacts.Beside(trace))
        {
            TestContext.AddTestAttachment(path, description);
        }
    }
}
