using System.Diagnostics;
using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>The first end-to-end path: a correct singleton passes, the article's lock-free race is caught and replays.</summary>
public sealed class ThinPathTests
{
    private static Implementation DoubleChecked => Registry.Find("double-checked");

    private static Implementation NoLock => Registry.Find("no-lock");

    [Test]
    public void DoubleChecked_ConcurrentGet_PassesOneThousandIterations()
    {
        var result = Exploration.Run(DoubleChecked, StandardScenarios.ConcurrentGet, TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
            Assert.That(result.Iterations, Is.EqualTo(1000));
            Assert.That(result.Uncontrolled, Is.Empty);
        });
    }

    [Test]
    public void NoLock_ConcurrentGet_IsCaughtViolatingOnce()
    {
        var result = Exploration.Run(NoLock, StandardScenarios.ConcurrentGet, TestSettings.Ci);
        TestSettings.Attach(result);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(result.Violates(Property.Once), result.Describe);
            Assert.That(result.TracePath, Does.Exist);
            Assert.That(result.History, Does.Contain("attempt 1 starts").And.Contain("attempt 2 starts"));
            Assert.That(result.ReplayCommand, Does.Contain("coyote replay").And.Contain(CoyoteEntryPoint.MethodName));
        });
    }

    [Test]
    public void NoLock_PrintedCoyoteReplayCommand_ReproducesTheBug()
    {
        var result = Exploration.Run(NoLock, StandardScenarios.ConcurrentGet, TestSettings.Ci);
        Assert.That(result.ReplayCommand, Is.Not.Null, result.Describe);

        var (exitCode, output) = Shell(result.ReplayCommand!);

        // The Coyote command line exits with 2 when the replayed schedule hits the bug again.
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("Contract violated: ONCE"));
    }

    [Test]
    public void NoLock_TraceReplayedInProcess_ReproducesTheSameViolation()
    {
        var found = Exploration.Run(NoLock, StandardScenarios.ConcurrentGet, TestSettings.Ci);
        var replayed = Exploration.Replay(new VerificationCase(NoLock, StandardScenarios.ConcurrentGet), File.ReadAllText(found.TracePath!), TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(replayed.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(replayed.Violations, Is.EqualTo(found.Violations));
            Assert.That(replayed.History, Is.EqualTo(found.History));
        });
    }

    private static (int ExitCode, string Output) Shell(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Replay did not finish within 2 minutes: {command}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
