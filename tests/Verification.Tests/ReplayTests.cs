using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// Replays traces in process. With VERIFICATION_REPLAY_TRACE and VERIFICATION_CASE set (the failure message prints the
/// command) it replays that one trace; otherwise it replays the regression corpus committed under Corpus/, each of which
/// must still reproduce its bug, so a change that silently loses detection is caught.
/// </summary>
public sealed class ReplayTests
{
    private static string CorpusDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    public static IEnumerable<TestCaseData> Traces()
    {
        if (Environment.GetEnvironmentVariable(ReplayCommands.TraceVariable) is { } trace)
        {
            var verificationCase = VerificationCase.FromEnvironment();
            yield return new TestCaseData(verificationCase.Text, trace, verificationCase.Implementation.ExpectedViolation?.Id())
                .SetArgDisplayNames(Path.GetFileName(trace));
            yield break;
        }

        foreach (var entry in Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus"), "*.case").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(entry);
            yield return new TestCaseData(lines[0], Path.ChangeExtension(entry, ".trace"), lines[1])
                .SetArgDisplayNames(Path.GetFileNameWithoutExtension(entry));
        }
    }

    [TestCaseSource(nameof(Traces))]
    public void Replay_OfRecordedTrace_ReproducesTheBug(string caseText, string tracePath, string? property)
    {
        var verificationCase = VerificationCase.Parse(caseText);

        var replayed = Exploration.Replay(verificationCase, File.ReadAllText(tracePath), TestSettings.Ci);
        TestSettings.Attach(replayed);

        Assert.That(replayed.Verdict, Is.EqualTo(Verdict.Fail),
            $"The trace {tracePath} no longer reproduces a bug of {verificationCase.Implementation.Name}. If the harness changed its schedule on purpose, re-record the corpus (README).");
        if (property is not null && PropertyIds.TryParse(property, out var expected))
        {
            Assert.That(replayed.Violates(expected), replayed.Describe);
        }
    }
}
