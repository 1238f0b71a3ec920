using Verification.Core;

namespace Verification.Tests;

/// <summary>The budget the suite runs with, and where failures are written.</summary>
internal static class TestSettings
{
    public static string ResultsDirectory => Path.Combine(TestContext.CurrentContext.WorkDirectory, "verification-results");

    /// <summary>The CI budget: a fixed seed, so every run explores the same schedules.</summary>
    public static RunSettings Ci => new(Iterations: 1000, Seed: 1, ResultsDirectory: ResultsDirectory);
}
