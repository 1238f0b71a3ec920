using Verification.Core;
using Verification.Specs;
using Verification.Tests.Fixtures;
using Verification.Tests.Kit;
using static Verification.Tests.Kit.FixtureImplementations;

namespace Verification.Tests;

/// <summary>
/// The token each get is given: <see cref="CancellationToken.None"/> when the caller never cancels, a cancellable one
/// otherwise, and a cancellable token that is never cancelled only where the scenario asks for it (<c>get~cancellable</c>),
/// which every property judges as a get whose token was not cancelled.
/// </summary>
public sealed class CallerTokenTests
{
    /// <summary>Far longer than any of these scenarios takes on real threads; reached only if the executor waits for ever.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly bool[] PlainCancellablePlain = [false, true, false];

    [TestCase("get", false)]
    [TestCase("get~cancellable", true)]
    [TestCase("get~cancel", true)]
    [TestCase("get~cancelled", true)]
    public async Task Executor_GivesAGet_ACancellableTokenOnlyIfItsOperationSaysSo(string operation, bool cancellable)
    {
        var (adapter, _) = await ExecuteAsync($"c1={operation}");

        Assert.That(adapter.CanBeCanceled, Is.EqualTo(new[] { cancellable }));
    }

    [Test]
    public async Task Executor_GivesEachGetOfOneCaller_TheTokenOfItsOwnOperation()
    {
        var (adapter, _) = await ExecuteAsync("c1=get,get~cancellable,get");

        Assert.That(adapter.CanBeCanceled, Is.EqualTo(PlainCancellablePlain));
    }

    [Test]
    public async Task CancellableTokenNeverCancelled_IsJudgedAsAGetWhoseTokenWasNotCancelled()
    {
        var (adapter, history) = await ExecuteAsync("c1=get~cancellable,get~cancellable c2=get~cancellable a=fail:1,ok:1");

        Assert.Multiple(() =>
        {
            Assert.That(adapter.CanBeCanceled, Has.Count.EqualTo(3).And.All.True);
            Assert.That(history.Events.Select(e => e.Kind), Has.None.EqualTo(EventKind.CancelRequested));
            Assert.That(history.Gets.Select(g => g.WasCanceled), Has.All.False);
            Assert.That(history.Gets.Select(g => g.Outcome), Has.None.EqualTo(CallOutcome.Canceled).And.None.EqualTo(CallOutcome.Pending));
            Assert.That(Contract.Judge(history, Contracts.RetryWith(CancellationPolicy.None)), Is.Empty, () => HistoryTable.Render(history));
        });
    }

    [Test]
    public async Task CallerWhoseCancellableTokenIsNeverCancelled_IsNotAwaitedBeforeAHangingAttemptIsReleased()
    {
        // Under 'caller' the executor first awaits the callers that must finish while an attempt hangs: those that cancel.
        // A caller that never cancels waits for the attempt, so awaiting it first would never end.
        var (_, history) = await ExecuteAsync("c1=get~cancellable c2=get~cancel a=hang", CancellationPolicy.Caller);

        var first = history.Gets.Single(g => g.Caller == 1);
        Assert.Multiple(() =>
        {
            Assert.That(first.WasCanceled, Is.False);
            Assert.That(first.Outcome, Is.EqualTo(CallOutcome.Threw), () => HistoryTable.Render(history));
            Assert.That(first.ExceptionAttempt, Is.EqualTo(1), "it received the released attempt's exception");
        });
    }

    [TestCase("double-checked")]
    [TestCase("abandonable-lazy")]
    [TestCase("retrying-async-lazy")]
    [TestCase("semaphore-slim-lazy")]
    public void CancellableTokenScenario_UnderCoyote_PassesEveryPropertyItTargets(string name)
    {
        var report = Verify(name);

        Assert.Multiple(() =>
        {
            Assert.That(report.Results.Select(r => r.Verdict), Has.None.EqualTo(Verdict.Fail), () => Describe(report));
            Assert.That(
                report.Results.Where(r => StandardScenarios.CancellableTokenNeverCancelled.Targets.Contains(r.Property)).Select(r => r.Verdict),
                Is.All.EqualTo(Verdict.Pass),
                () => Describe(report));
        });
    }

    [TestCase("cached-failure", Property.Failure)]
    [TestCase("swallowed-failure", Property.Failure)]
    public void CancellableTokenScenario_UnderCoyote_CatchesAPlantedFailureBug(string name, Property expected)
    {
        var report = Verify(name);
        var caught = report.Results.Single(r => r.Property == expected);

        Assert.Multiple(() =>
        {
            Assert.That(caught.Verdict, Is.EqualTo(Verdict.Fail), () => Describe(report));
            Assert.That(caught.Scenario?.Name, Is.EqualTo(StandardScenarios.CancellableTokenNeverCancelled.Name));
            Assert.That(report.Results.Where(r => r.Property == Property.Cancel).Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass), "no token was cancelled, so no caller may end cancelled");
        });
    }

    [Test]
    public void CancellableTokenScenario_IsAStandardScenarioWithNoCancellationInIt()
    {
        var scenario = StandardScenarios.Find("cancellable-token");

        Assert.Multiple(() =>
        {
            Assert.That(StandardScenarios.All, Does.Contain(scenario));
            Assert.That(scenario.Callers.SelectMany(ops => ops), Has.All.EqualTo(Operation.GetWithCancellableToken));
            Assert.That(scenario.UsesCancellation, Is.False);
            Assert.That(scenario.Targets, Does.Contain(Property.Cancel).And.Contain(Property.Failure));
        });
    }

    private static async Task<(TokenRecordingAdapter Adapter, History History)> ExecuteAsync(string text, CancellationPolicy cancellation = CancellationPolicy.None)
    {
        // On real threads, outside Coyote: the rewritten calls fall through to the real tasks and locks.
        var scenario = Scenario.Parse(text);
        var adapter = new TokenRecordingAdapter();
        var recorder = new HistoryRecorder(scenario.Callers.Length);
        await ScenarioExecutor.ExecuteAsync(Fixture<TokenRecordingAdapter>(cancellation), adapter, scenario, recorder).WaitAsync(Patience);
        return (adapter, recorder.ToHistory());
    }

    private static EngineReport Verify(string name) =>
        new CoyoteEngine().Verify(
            Registry.Find(name),
            new VerificationRequest(new Budget(TestSettings.Ci), [.. PropertyIds.All], Characterize: false, Scenarios: [StandardScenarios.CancellableTokenNeverCancelled]));

    private static string Describe(EngineReport report) =>
        string.Join(Environment.NewLine, report.Results.Select(r => $"{r.Property.Id()}: {r.Verdict} {r.Violation} {r.Cause} {r.Witness?.Describe()}"));
}
