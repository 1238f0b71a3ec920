using System.Collections.Immutable;
using Microsoft.Coyote.Runtime;
using Verification.Tests.Kit;
using static Verification.Tests.Kit.ModelRuns;

namespace Verification.Tests.Models;

/// <summary>
/// Each model in src/Verification.Models against the real API: the same small program, run on the thread pool (the real
/// types) and under Coyote (the models). A program whose outcome the documentation fixes must give that outcome both ways;
/// for one whose outcome depends on timing, every outcome seen on real threads must be one the model can produce, and
/// the model must produce nothing the documentation rules out. Coyote must find no bug in any of them: before the models,
/// several of these were false deadlocks or never ended.
/// </summary>
public sealed class ModelConformanceTests
{
    [Test]
    public void SemaphoreSlim_ACancelledWaiterNeverTakesTheCount_AndTheOthersProceed() => BothGive("waiter=canceled other=done count=0", async () =>
    {
        var gate = new SemaphoreSlim(1, 1);
        await gate.WaitAsync();
        using var cancellation = new CancellationTokenSource();
        var waiter = gate.WaitAsync(cancellation.Token);
        var other = gate.WaitAsync();
        await cancellation.CancelAsync();
        var waited = await OutcomeOf(waiter);
        gate.Release();
        return $"waiter={waited} other={await OutcomeOf(other)} count={gate.CurrentCount}";
    });

    [Test]
    public void SemaphoreSlim_ABlockingWaitIsCancelledByItsToken() => BothGive("waiter=canceled count=0", async () =>
    {
        var gate = new SemaphoreSlim(0, 1);
        using var cancellation = new CancellationTokenSource();
        var waiter = Task.Run(() => gate.Wait(cancellation.Token));
        var canceller = Task.Run(cancellation.Cancel);
        var waited = await OutcomeOf(waiter);
        await canceller;
        return $"waiter={waited} count={gate.CurrentCount}";
    });

    [Test]
    public void SemaphoreSlim_AWaitTimesOutWhileNobodyReleases() => BothGive("acquired=False then count=1", async () =>
    {
        var gate = new SemaphoreSlim(0, 1);
        var acquired = await gate.WaitAsync(TimeSpan.FromMilliseconds(20));
        gate.Release();
        return $"acquired={acquired} then count={gate.CurrentCount}";
    });

    [Test]
    public void SemaphoreSlim_ATimeoutRacingARelease_CanGoEitherWay() => ModelCovers(
        allowed: ["acquired=False count=1", "acquired=True count=0"],
        mustInclude: ["acquired=False count=1", "acquired=True count=0"],
        async () =>
        {
            var gate = new SemaphoreSlim(0, 1);
            var wait = gate.WaitAsync(1);
            var release = Task.Run(() => gate.Release());
            var acquired = await wait;
            await release;
            return $"acquired={acquired} count={gate.CurrentCount}";
        });

    [Test]
    public void SemaphoreSlim_ReleasingPastTheMaximumThrows() => BothGive("SemaphoreFullException count=1", async () =>
    {
        var gate = new SemaphoreSlim(1, 1);
        var released = await OutcomeOf(Task.Run(() => gate.Release()));
        return $"{released} count={gate.CurrentCount}";
    });

    [Test]
    public void TaskDelay_AnInfiniteDelayNeverElapses_UntilItsTokenIsCancelled() => BothGive("finite first, then canceled", async () =>
    {
        using var cancellation = new CancellationTokenSource();
        var infinite = Task.Delay(Timeout.Infinite, cancellation.Token);
        var first = await Task.WhenAny(infinite, Task.Delay(1));
        var order = first == infinite ? "infinite first" : "finite first";
        await cancellation.CancelAsync();
        return $"{order}, then {await OutcomeOf(infinite)}";
    });

    [Test]
    public void TaskDelay_TwoFiniteDelaysElapseInAnOrderTheSchedulerChooses() => ModelCovers(
        allowed: ["short first", "long first"],
        mustInclude: ["short first", "long first"],
        async () =>
        {
            var shortDelay = Task.Delay(1);
            var longDelay = Task.Delay(TimeSpan.FromMilliseconds(200));
            var first = await Task.WhenAny(shortDelay, longDelay);
            await Task.WhenAll(shortDelay, longDelay);
            return first == shortDelay ? "short first" : "long first";
        });

    [Test]
    public void TaskWaitAsync_ACancelledWaitEndsThatWaitOnly() => BothGive("wait=canceled work=7", async () =>
    {
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();
        var wait = work.Task.WaitAsync(cancellation.Token);
        await cancellation.CancelAsync();
        var waited = await OutcomeOf(wait);
        work.SetResult(7);
        return $"wait={waited} work={await work.Task}";
    });

    [Test]
    public void TaskWaitAsync_TimesOutOnWorkThatNeverEnds_AndHandsOnTheWorksOwnOutcome() =>
        BothGive("never=TimeoutException done=5 failed=same exception", async () =>
        {
            var never = await OutcomeOf(new TaskCompletionSource<int>().Task.WaitAsync(TimeSpan.FromMilliseconds(20)));
            var done = await Task.Run(() => 5).WaitAsync(CancellationToken.None);
            var failure = new InvalidOperationException("the work's own");
            Exception? seen = null;
            try
            {
                await Task.Run(() => throw failure).WaitAsync(Timeout.InfiniteTimeSpan);
            }
            catch (InvalidOperationException e)
            {
                seen = e;
            }

            return $"never={never} done={done} failed={(ReferenceEquals(seen, failure) ? "same exception" : "other")}";
        });

    [Test]
    public void TaskWaitAsync_AFiniteTimeoutMayFireBeforeTheWorkEnds() => ModelCovers(
        allowed: ["5", "TimeoutException"],
        mustInclude: ["5", "TimeoutException"],
        () => OutcomeOf(Task.Run(() => 5).WaitAsync(TimeSpan.FromMilliseconds(1))));

    [Test]
    public void CancellationTokenSource_CancelAfterCancels_AndADelayOfZeroStartsCancelled() =>
        BothGive("after=canceled zero=True timed=canceled", async () =>
        {
            using var after = new CancellationTokenSource();
            after.CancelAfter(10);
            var afterOutcome = await OutcomeOf(Task.Delay(Timeout.Infinite, after.Token));

            using var zero = new CancellationTokenSource(0);
            using var timed = new CancellationTokenSource(TimeSpan.FromMilliseconds(5));
            var timedOutcome = await OutcomeOf(Task.Delay(Timeout.Infinite, timed.Token));
            return $"after={afterOutcome} zero={zero.IsCancellationRequested} timed={timedOutcome}";
        });

    [Test]
    public void CancellationTokenSource_AnInfiniteCancelAfterWithdrawsAPendingOne_UnlessItFiredFirst() => ModelCovers(
        allowed: ["canceled", "not canceled"],
        mustInclude: ["canceled", "not canceled"],
        async () =>
        {
            using var withdrawn = new CancellationTokenSource();
            withdrawn.CancelAfter(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
            withdrawn.CancelAfter(Timeout.Infinite);
            await Task.Delay(20);
            return withdrawn.IsCancellationRequested ? "canceled" : "not canceled";
        });

    [Test]
    public void LazyExecutionAndPublication_RunsTheFactoryOnce_ForEveryCaller() => BothGive("runs=1 same=True", () =>
        LazyRace(LazyThreadSafetyMode.ExecutionAndPublication));

    [Test]
    public void LazyExecutionAndPublication_CachesTheFactorysException() => BothGive("runs=1 same exception=True", async () =>
    {
        var runs = 0;
        var lazy = new Lazy<object>(() =>
        {
            Interlocked.Increment(ref runs);
            throw new InvalidOperationException("factory");
        });
        var first = await CaughtAsync(() => lazy.Value);
        var second = await CaughtAsync(() => lazy.Value);
        return $"runs={runs} same exception={ReferenceEquals(first, second)}";
    });

    [Test]
    public void LazyPublicationOnly_MayRunTheFactoryPerCaller_ButPublishesOneValue() => ModelCovers(
        allowed: ["runs=1 same=True", "runs=2 same=True", "runs=3 same=True"],
        mustInclude: ["runs=1 same=True", "runs=2 same=True"],
        () => LazyRace(LazyThreadSafetyMode.PublicationOnly));

    [Test]
    public void LazyNone_RacingCallersMayEachRunTheFactory_OrGetInvalidOperationException() => ModelCovers(
        // "Not thread safe": seen on real threads, two callers each ran the factory and got their own values.
        allowed: [.. from runs in Enumerable.Range(1, 3) from end in LazyNoneEndings select $"runs={runs} {end}"],
        mustInclude: ["runs=1 same=True", "runs=1 InvalidOperationException", "runs=2 same=False"],
        () => LazyRace(LazyThreadSafetyMode.None));

    [Test]
    public void Lazy_AFactoryReadingItsOwnValueGetsInvalidOperationException() => BothGive("InvalidOperationException", async () =>
    {
        Lazy<int>? lazy = null;
        lazy = new Lazy<int>(() => lazy!.Value + 1);
        return (await CaughtAsync(() => lazy.Value))?.GetType().Name ?? "no exception";
    });

    [Test]
    public void Lock_ExcludesOtherCallers_WithoutAFalseDeadlock() => BothGive("counter=3 held inside=True outside=False", async () =>
    {
        var gate = new Lock();
        var counter = 0;
        var heldInside = true;
        async Task AddAsync()
        {
            await Task.Yield();
            lock (gate)
            {
                heldInside &= gate.IsHeldByCurrentThread;
                var read = counter;
                SchedulingPoint.Interleave();
                counter = read + 1;
            }
        }

        await Task.WhenAll(AddAsync(), AddAsync(), AddAsync());
        return $"counter={counter} held inside={heldInside} outside={gate.IsHeldByCurrentThread}";
    });

    [Test]
    public void MonitorIsEntered_IsFalseForAnObjectNobodyLocked() => BothGive("unlocked=False locked=True", () =>
    {
        var gate = new object();
        var unlocked = Monitor.IsEntered(gate);
        bool locked;
        lock (gate)
        {
            locked = Monitor.IsEntered(gate);
        }

        return Task.FromResult($"unlocked={unlocked} locked={locked}");
    });

    [Test]
    public void TaskWhenAny_TheSpanOverloadIsControlled() => BothGive("done", async () =>
    {
        var never = new TaskCompletionSource<int>().Task;
        var done = Task.Run(() => 1);
        var first = await Task.WhenAny(never, done);
        return first == done ? "done" : "never";
    });

    private static readonly string[] LazyNoneEndings = ["same=True", "same=False", "InvalidOperationException"];

    private static async Task<string> LazyRace(LazyThreadSafetyMode mode)
    {
        var runs = 0;
        var lazy = new Lazy<Task<object>>(
            async () =>
            {
                Interlocked.Increment(ref runs);
                await Task.Yield();
                return new object();
            },
            mode);
        var callers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => lazy.Value)).ToArray();
        try
        {
            var tasks = await Task.WhenAll(callers);
            return $"runs={runs} same={tasks.Distinct().Count() == 1}";
        }
        catch (InvalidOperationException)
        {
            return $"runs={runs} InvalidOperationException";
        }
    }

    private static async Task<Exception?> CaughtAsync<T>(Func<T> read)
    {
        try
        {
            await Task.Run(read);
            return null;
        }
#pragma warning disable CA1031 // The exception is what the test looks at.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    private static void BothGive(string expected, Func<Task<string>> program)
    {
        var (modelled, report) = UnderCoyote(program);
        var real = OnRealThreads(program, runs: 20);
        Assert.Multiple(() =>
        {
            Assert.That(report.NumOfFoundBugs, Is.Zero, () => string.Join(Environment.NewLine, report.BugReports));
            Assert.That(modelled, Is.EquivalentTo(new[] { expected }), "under Coyote, on the models");
            Assert.That(real, Is.EquivalentTo(new[] { expected }), "on real threads, the real API");
        });
    }

    private static void ModelCovers(ImmutableArray<string> allowed, ImmutableArray<string> mustInclude, Func<Task<string>> program)
    {
        var (modelled, report) = UnderCoyote(program, iterations: 400);
        var real = OnRealThreads(program, runs: 100);
        Assert.Multiple(() =>
        {
            Assert.That(report.NumOfFoundBugs, Is.Zero, () => string.Join(Environment.NewLine, report.BugReports));
            Assert.That(modelled, Is.SubsetOf(allowed), "the model produced an outcome the documentation rules out");
            Assert.That(modelled, Is.SupersetOf(mustInclude), "the model cannot produce an outcome the real API can");
            Assert.That(real, Is.SubsetOf(modelled), "seen on real threads but never produced by the model");
        });
    }
}
