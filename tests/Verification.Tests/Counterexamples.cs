using System.Collections.Concurrent;
using Verification.Core;
using Verification.Generation;

namespace Verification.Tests;

/// <summary>
/// The shrunk counterexample of each planted bug under the CI generation settings for bugs, searched for once per test run and
/// shared by the tests that assert on it (its size, its message, the stress comparison). The search is deterministic,
/// so which test asks first makes no difference.
/// </summary>
internal static class Counterexamples
{
    private static readonly ConcurrentDictionary<string, Lazy<GenerationResult>> Found = new(StringComparer.Ordinal);

    public static GenerationResult For(Implementation bug) =>
        Found.GetOrAdd(bug.Name, _ => new Lazy<GenerationResult>(() => GenerationRunner.Run(bug, TestSettings.GenerationForBugs, bug.ExpectedViolation))).Value;
}
