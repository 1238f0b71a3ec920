using System.Net;
using System.Reflection;
using System.Text.Json;
using Verification.Cli;
using Verification.Cli.Reports;
using Verification.Core;
using Verification.Specs;
using Verification.Tests.Fixtures;

namespace Verification.Tests;

/// <summary>
/// An implementation whose cells are inconclusive does not pass: <c>verify</c> exits with a code of its own unless the
/// adapter declares <c>[AcceptsInconclusive("why")]</c>, and every report shows the declared reason.
/// </summary>
public sealed class InconclusiveAcceptanceTests
{
    private const string Reason = "its lock is outside Coyote's model; stress runs are the evidence";

    private static readonly int[] OtherExitCodes = [CommandLine.AsDeclared, CommandLine.NotAsDeclared, CommandLine.BadInput, CommandLine.CannotRun];

    private string _scratch = string.Empty;

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("verification-acceptance-").FullName;

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void Describe_OfAnAdapterThatAcceptsInconclusive_ReadsItsReason()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Registry.Describe(typeof(AcceptedAdapter)).AcceptsInconclusive, Is.EqualTo(Reason));
            Assert.That(Registry.Describe(typeof(UnacceptedAdapter)).AcceptsInconclusive, Is.Null);
        });
    }

    [Test]
    public void Describe_OfAnAcceptanceWithoutAReason_RefusesTheAdapterAsItWouldOneThatCannotBeLoaded()
    {
        var refused = Assert.Throws<CustomAttributeFormatException>(() => Registry.Describe(typeof(ReasonlessAdapter)));

        Assert.That(refused!.Message, Does.Contain(nameof(ReasonlessAdapter)).And.Contain("[AcceptsInconclusive] needs a reason"));
    }

    [Test]
    public void ExitCode_OfAnInconclusiveCellNotAccepted_IsItsOwnCode()
    {
        var outcome = Outcome(Row(Registry.Describe(typeof(UnacceptedAdapter)), Pass(Property.Once), Inconclusive(Property.Live)));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.AsDeclared, Is.True, "an inconclusive cell contradicts nothing");
            Assert.That(outcome.ExitCode, Is.EqualTo(CommandLine.InconclusiveNotAccepted));
            Assert.That(OtherExitCodes, Does.Not.Contain(CommandLine.InconclusiveNotAccepted), "a code of its own");
        });
    }

    [Test]
    public void ExitCode_OfAnInconclusiveCellAccepted_IsZero()
    {
        var outcome = Outcome(Row(Registry.Describe(typeof(AcceptedAdapter)), Pass(Property.Once), Inconclusive(Property.Live)));

        Assert.That(outcome.ExitCode, Is.EqualTo(CommandLine.AsDeclared));
    }

    [Test]
    public void ExitCode_OfAConclusiveImplementation_DoesNotDependOnTheDeclaration()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Outcome(Row(Registry.Describe(typeof(UnacceptedAdapter)), Pass(Property.Once))).ExitCode, Is.EqualTo(CommandLine.AsDeclared));
            Assert.That(Outcome(Row(Registry.Describe(typeof(AcceptedAdapter)), Pass(Property.Once))).ExitCode, Is.EqualTo(CommandLine.AsDeclared));
        });
    }

    [Test]
    public void ExitCode_OfAContradiction_WinsOverAnInconclusiveCellNotAccepted_AndAnAcceptanceNeverHidesAFailure()
    {
        var contradicted = Outcome(
            Row(Registry.Describe(typeof(UnacceptedAdapter)), Inconclusive(Property.Live)),
            Row(Registry.Describe(typeof(AcceptedAdapter)), Fail(Property.Same), Inconclusive(Property.Live)));

        Assert.Multiple(() =>
        {
            Assert.That(contradicted.ExitCode, Is.EqualTo(CommandLine.NotAsDeclared));
            Assert.That(contradicted.Implementations[1].AsDeclared, Is.False);
        });
    }

    [Test]
    public void Reports_OfAnAcceptedAndAnUnacceptedImplementation_ShowTheReasonAndNameTheUnaccepted()
    {
        var accepted = Registry.Describe(typeof(AcceptedAdapter));
        var unaccepted = Registry.Describe(typeof(UnacceptedAdapter));
        var outcome = Outcome(
            Row(accepted, Pass(Property.Once), Inconclusive(Property.Live)),
            Row(unaccepted, Pass(Property.Once), Inconclusive(Property.Live)));
        var model = ReportModel.Of(outcome);
        using var terminal = new StringWriter();
        MatrixPrinter.Print(model, terminal);

        using var json = JsonDocument.Parse(JsonReport.Serialize(model));
        var rows = json.RootElement.GetProperty("implementations").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        var markdown = MarkdownReport.Render(model);
        var page = HtmlReport.Render(model, _scratch);
        var html = WebUtility.HtmlDecode(page);

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("inconclusiveNotAccepted").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { unaccepted.Name }));
            Assert.That(rows[accepted.Name].GetProperty("acceptsInconclusive").GetString(), Is.EqualTo(Reason));
            Assert.That(rows[unaccepted.Name].GetProperty("acceptsInconclusive").ValueKind, Is.EqualTo(JsonValueKind.Null));
            foreach (var (name, text) in new[] { ("terminal", terminal.ToString()), ("markdown", markdown), ("html", html) })
            {
                Assert.That(text, Does.Contain($"{accepted.Name} accepts an inconclusive verdict: {Reason}"), name);
                Assert.That(text, Does.Contain($"{unaccepted.Name} is not proven").And.Contain($"verify exits {CommandLine.InconclusiveNotAccepted}"), name);
                Assert.That(text, Does.Contain($"Not proven, inconclusive cells not accepted: {unaccepted.Name}"), name);
            }

            Assert.That(page, Does.Contain("class=\"verdict-line bad\""), "a run that does not pass is not shown green");
        });
    }

    [Test]
    public async Task Verify_OfCodeCoyoteCannotControl_ExitsWithItsOwnCodeUnlessTheAdapterAcceptsIt()
    {
        var unaccepted = Registry.Describe(typeof(UnacceptedAdapter));
        var accepted = Registry.Describe(typeof(AcceptedAdapter));

        var (unacceptedCode, unacceptedOutput) = await VerifyAsync(unaccepted, "unaccepted");
        var (acceptedCode, acceptedOutput) = await VerifyAsync(accepted, "accepted");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_scratch, "unaccepted", "report.json")));
        Assert.Multiple(() =>
        {
            Assert.That(unacceptedCode, Is.EqualTo(CommandLine.InconclusiveNotAccepted), unacceptedOutput);
            Assert.That(unacceptedOutput, Does.Contain("System.Threading.Timer").And.Contain($"{unaccepted.Name} is not proven"));
            Assert.That(json.RootElement.GetProperty("asDeclared").GetBoolean(), Is.True);
            Assert.That(json.RootElement.GetProperty("inconclusiveNotAccepted").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { unaccepted.Name }));
            Assert.That(acceptedCode, Is.EqualTo(CommandLine.AsDeclared), acceptedOutput);
            Assert.That(acceptedOutput, Does.Contain($"{accepted.Name} accepts an inconclusive verdict: {Reason}"));
        });
    }

    [Test]
    public async Task Help_ListsTheExitCodeForInconclusiveCellsNotAccepted()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        await CommandLine.RunAsync(["--help"], output, error);

        Assert.That(output.ToString(), Does.Contain($"{CommandLine.InconclusiveNotAccepted} none contradicts its declaration").And.Contain("[AcceptsInconclusive"));
    }

    private async Task<(int Code, string Output)> VerifyAsync(Implementation implementation, string folder)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(
            ["verify", "--impl", implementation.Name, "--property", "ONCE", "--iterations", "10", "--no-fingerprint", "--out", Path.Combine(_scratch, folder)],
            output,
            error,
            () => new Discovery([implementation], []));
        return (code, output.ToString() + error);
    }

    private static VerificationOutcome Outcome(params ImplementationOutcome[] rows) =>
        new(VerifyOptions.Parse([]), [.. rows], TimeSpan.FromSeconds(1));

    private static ImplementationOutcome Row(Implementation implementation, params PropertyResult[] results) =>
        new(implementation, [.. results.Select(r => r.Property)], [new EngineReport("coyote", implementation, [.. results], null, 10, TimeSpan.FromSeconds(1), Evidence.Systematic)]);

    private static PropertyResult Pass(Property property) => new(property, Verdict.Pass, 10, TimeSpan.FromSeconds(1));

    private static PropertyResult Inconclusive(Property property) =>
        new(property, Verdict.Inconclusive, 10, TimeSpan.FromSeconds(1), Cause: "Uncontrolled concurrency: System.Threading.Timer");

    private static PropertyResult Fail(Property property) =>
        new(property, Verdict.Fail, 10, TimeSpan.FromSeconds(1), StandardScenarios.ConcurrentGet, new Violation(property, "two instances"), "history");

    // Private, so discovery beside the harness never finds them: tests hand them to the command line themselves.

    /// <summary>Code completed from a real timer, which neither Coyote nor the harness controls: inconclusive, not accepted.</summary>
    [SingletonImplementation("test-uncontrolled-timer", Description = "completed from a real timer")]
    private sealed class UnacceptedAdapter : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => new TimerCompletedAdapter().Create(seam);
    }

    /// <summary>The same code, accepting that the engine cannot judge it.</summary>
    [AcceptsInconclusive(Reason)]
    [SingletonImplementation("test-uncontrolled-timer-accepted", Description = "completed from a real timer, accepted")]
    private sealed class AcceptedAdapter : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => new TimerCompletedAdapter().Create(seam);
    }

    [AcceptsInconclusive("  ")]
    [SingletonImplementation("test-reasonless", Description = "accepts without a reason")]
    private sealed class ReasonlessAdapter : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => throw new NotSupportedException("Never run.");
    }
}
