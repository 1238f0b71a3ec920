using Verification.Specs;
using Verification.Tests.Kit;

namespace Verification.Tests.HistoryModel;

/// <summary>The history table: one column per caller, so a reader sees the race without opening the trace.</summary>
public sealed class HistoryTableTests
{
    private static readonly History NoLockRace = new HistoryBuilder()
        .Get(1)
        .AttemptStarts(1, instance: 1, caller: 1)
        .Get(3)
        .Get(2)
        .AttemptStarts(2, instance: 2, caller: 2)
        .AttemptSucceeds(1)
        .Returns(1, instance: 1)
        .AttemptSucceeds(2)
        .Returns(2, instance: 2)
        .Returns(3, instance: 2)
        .Build();

    [Test]
    public void Render_ThreeCallers_HasAStepColumnAndOneColumnPerCaller()
    {
        var header = Cells(Lines(HistoryTable.Render(NoLockRace))[0]);

        Assert.That(header, Is.EqualTo("step|caller 1|caller 2|caller 3"));
    }

    [Test]
    public void Render_AttemptStartedByCaller2sGet_AppearsInCaller2sColumn()
    {
        var row = Lines(HistoryTable.Render(NoLockRace)).Single(l => l.Contains("attempt 2 starts", StringComparison.Ordinal));

        Assert.That(Cells(row), Is.EqualTo("5||attempt 2 starts (instance #2)|"));
    }

    [Test]
    public void Render_AttemptsEndInTheColumnOfTheCallerThatStartedThem()
    {
        var row = Lines(HistoryTable.Render(NoLockRace)).Single(l => l.Contains("attempt 2 succeeds", StringComparison.Ordinal));

        Assert.That(Cells(row), Is.EqualTo("8||attempt 2 succeeds|"));
    }

    [Test]
    public void Render_EventOfNoCaller_GetsItsOwnColumn()
    {
        var history = new HistoryBuilder(callers: 1)
            .Get(1)
            .AttemptStarts(1, instance: 1, caller: null)
            .Build();

        var header = Cells(Lines(HistoryTable.Render(history))[0]);

        Assert.That(header, Is.EqualTo("step|caller 1|(no caller)"));
    }

    [TestCase(1, "-> throws attempt 1's exception")]
    [TestCase(null, "-> throws AggregateException: One or more errors occurred.")]
    public void Describe_GetThatThrew_NamesTheAttemptOnlyForItsOwnException(int? attempt, string expected)
    {
        var threw = new HistoryEvent(1, EventKind.GetThrew, Caller: 1, Attempt: attempt, Detail: "AggregateException: One or more errors occurred.");

        Assert.That(HistoryTable.Describe(threw), Is.EqualTo(expected));
    }

    private static string[] Lines(string table) => table.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The cells of one line, trimmed and joined by '|' again, so a whole row compares as one string.</summary>
    private static string Cells(string line) => string.Join("|", line.Split('|').Select(c => c.Trim()));
}
