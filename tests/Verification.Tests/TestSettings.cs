using Verification.Core;

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

    /// <summary>Attaches a failure's trace, Coyote report and history to the NUnit result.</summary>
    public static void Attach(RunResult result)
    {
        if (result.TracePath is not { } trace)
        {
            return;
        }

        var stem = trace[..^".trace".Length];
        foreach (var (path, description) in new[] { (trace, "Coyote trace"), (stem + ".txt", "Coyote report"), (stem + ".history.txt", "history") })
        {
            if (File.Exists(path))
            {
                TestContext.AddTestAttachment(path, description);
            }
        }
    }
}
