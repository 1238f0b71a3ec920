using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>The seam's attempt token, cancelled by the implementation from a caller's flow, under Coyote.</summary>
public sealed class SeamCancellationTests
{
    [Test]
    public void HangingAttempt_CancelledByTheLastWaiter_EndsAndIsJudgedAtTheRequest()
    {
        // The last waiter cancels the attempt's token while Coyote may pause it inside the seam's callback; the seam must
        // neither block on that callback (a hang Coyote reports as a potential deadlock) nor judge the cancellation late.
        // Judged as well under cancellation 'caller', which forbids cancelling the shared attempt, the same histories must
        // violate CANCEL: proof that the attempt's token was cancelled and recorded in them, not merely that nothing failed.
        var implementation = Registry.Find("abandonable-lazy");
        var declared = ContractVariant.Of(implementation.Contract);
        var callerOnly = declared with { Cancellation = CancellationPolicy.Caller };

        var run = Exploration.Explore(new ExplorationPlan(implementation, StandardScenarios.CancelWhileHanging, TestSettings.Ci) { Variants = [declared, callerOnly] });
        var underCallerOnly = run.Of(callerOnly).FirstOrDefault(v => v.Violation.Property == Property.Cancel);

        Assert.Multiple(() =>
        {
            Assert.That(declared.Cancellation, Is.EqualTo(CancellationPolicy.CallerAbandon));
            Assert.That(run.InconclusiveCause, Is.Null);
            Assert.That(run.Iterations, Is.EqualTo(TestSettings.Ci.Iterations));
            Assert.That(run.Of(declared), Is.Empty, () => string.Join(Environment.NewLine, run.Of(declared).Select(v => $"{v.Violation}{Environment.NewLine}{v.History}")));
            Assert.That(run.Witnesses, Is.Empty);
            Assert.That(underCallerOnly?.History, Does.Contain("attempt 1's token cancelled").And.Contain("attempt 1 canceled"));
        });
    }

    [Test]
    public void AttemptCancelRequested_IsRenderedInTheStartersColumn()
    {
        var history = new History(
            [
                new HistoryEvent(1, EventKind.GetStarted, 1),
                new HistoryEvent(2, EventKind.AttemptStarted, 1, 1, 1),
                new HistoryEvent(3, EventKind.GetStarted, 2),
                new HistoryEvent(4, EventKind.AttemptCancelRequested, 1, 1),
            ],
            callerCount: 2);

        var row = HistoryTable.Render(history).Split(Environment.NewLine).Single(line => line.Contains("token cancelled", StringComparison.Ordinal));
        var cells = row.Split('|').Select(c => c.Trim()).ToList();

        Assert.That(cells, Is.EqualTo(new[] { "4", "attempt 1's token cancelled", string.Empty }));
    }
}
