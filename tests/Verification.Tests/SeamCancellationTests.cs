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
        var result = CoyoteRunner.Run(Registry.Find("abandonable-lazy"), StandardScenarios.CancelWhileHanging, TestSettings.Ci);
        ThinPathTests.AttachFailure(result);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Describe);
    }

    [Test]
    public void AttemptCancelRequested_IsRenderedInTheStartersColumn()
    {
        var history = new History(
            [
                new HistoryEvent(1, EventKind.GetStarted, 1),
                new HistoryEvent(2, EventKind.AttemptStarted, 1, 1, 1),
                new HistoryEvent(3, EventKind.AttemptCancelRequested, 1, 1),
            ],
            callerCount: 1);

        Assert.That(HistoryTable.Render(history), Does.Contain("attempt 1's token cancelled"));
    }
}
