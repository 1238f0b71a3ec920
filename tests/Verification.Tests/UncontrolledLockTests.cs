using Verification.Core;
using Verification.Specs;

namespace Verification.Tests;

/// <summary>
/// A lock Coyote does not control makes a hang it cannot judge. <c>Lazy&lt;Task&lt;T&gt;&gt;</c> is the everyday case:
/// the lazy's lock is a real <see cref="Monitor"/> inside the runtime, which is never rewritten. Coyote may pause the
/// caller running the factory at any scheduling point inside it (the initialization always has one), and a second caller
/// then blocks a real thread on that lock, so Coyote reports a "potential deadlock" that a real run would not have.
/// </summary>
public sealed class UncontrolledLockTests
{
    [Test]
    public void LazyOfTask_ConcurrentGet_IsInconclusiveNotALiveFailure()
    {
        var result = Exploration.Run(Registry.Describe(typeof(LazyOfTaskAdapter)), StandardScenarios.ConcurrentGet, TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), result.Describe);
            Assert.That(result.Violates(Property.Live), Is.False, result.Describe);
            Assert.That(result.Diagnosis, Does.Contain("potential deadlock"));
        });
    }

    /// <summary>Not exported, so the registry never lists it; described directly by the test.</summary>
    [SingletonImplementation("lazy-of-task", Kind = ImplementationKind.Correct,
        Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.None,
        Description = "Lazy<Task<T>> with ExecutionAndPublication: correct, but its lock is invisible to Coyote.")]
    internal sealed class LazyOfTaskAdapter : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) =>
            new Subject(new Lazy<Task<Resource>>(() => seam.CreateInitializedAsync(), LazyThreadSafetyMode.ExecutionAndPublication));

        private sealed class Subject(Lazy<Task<Resource>> lazy) : ISingletonSubject
        {
            public async Task<object?> GetAsync(CancellationToken cancellationToken) => await lazy.Value;
        }
    }
}
