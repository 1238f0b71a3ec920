using Verification.Core;
using Verification.Specs;
using Verification.Tests.Characterized;

namespace Verification.Tests;

/// <summary>
/// The fingerprint finds what an implementation does, whatever it declares: implementations built with known semantics
/// are recognized, and every correct or third-party implementation in the catalog is seen to do what it documents.
/// </summary>
public sealed class FingerprintTests
{
    /// <summary>Enough for every distinguishing schedule seen so far (they show up in the first iterations), at a CI price.</summary>
    private const int Iterations = 300;

    private static VerificationRequest Request(params Property[] properties) =>
        new(new Budget(TestSettings.Ci with { Iterations = Iterations }), properties.Length == 0 ? [.. PropertyIds.All] : [.. properties]);

    public static IEnumerable<TestCaseData> KnownSemantics()
    {
        yield return Known<CachedTaskAdapter>(FailurePolicy.Cache, CancellationPolicy.None, reset: false);
        yield return Known<CallerCancellableAdapter>(FailurePolicy.Retry, CancellationPolicy.Caller, reset: false);
        yield return Known<CallerAbandonAdapter>(FailurePolicy.Retry, CancellationPolicy.CallerAbandon, reset: false);
        yield return Known<ResettableAdapter>(FailurePolicy.Retry, CancellationPolicy.None, reset: true);
    }

    public static IEnumerable<TestCaseData> DocumentedImplementations() =>
        Registry.All
            .Where(i => i.Kind is ImplementationKind.Correct or ImplementationKind.ThirdParty)
            .Select(i => new TestCaseData(i).SetArgDisplayNames(i.Name));

    [TestCaseSource(nameof(KnownSemantics))]
    public void Fingerprint_OfImplementationWithKnownSemantics_FindsThem(Type adapter, FailurePolicy failure, CancellationPolicy cancellation, bool reset)
    {
        var report = new CoyoteEngine().Verify(Registry.Describe(adapter), Request());

        var fingerprint = report.Fingerprint!;
        Assert.Multiple(() =>
        {
            Assert.That(fingerprint.Failure, Is.EqualTo(failure), Evidence(fingerprint));
            Assert.That(fingerprint.Cancellation, Is.EqualTo(cancellation), Evidence(fingerprint));
            Assert.That(fingerprint.Reset, Is.EqualTo(reset), Evidence(fingerprint));
        });
    }

    /// <summary>
    /// The fingerprint never contradicts what a correct or third-party implementation documents. Where a dimension is not
    /// established, the verdicts say why: a property governing it fails under the declared contract too (a documented
    /// violation, say), or the engine could not judge it.
    /// </summary>
    [TestCaseSource(nameof(DocumentedImplementations))]
    public void Fingerprint_OfCorrectOrThirdPartyImplementation_NeverContradictsItsDocumentedContract(Implementation implementation)
    {
        var report = new CoyoteEngine().Verify(implementation, Request());

        var fingerprint = report.Fingerprint!;
        var declared = implementation.Contract;
        bool Explained(params Property[] governing) =>
            report.Results.Any(r => governing.Contains(r.Property) && r.Verdict is Verdict.Fail or Verdict.Inconclusive);
        var message = $"{implementation.Name} declares {declared} but was seen as {fingerprint}. {Evidence(fingerprint)}";
        Assert.Multiple(() =>
        {
            Assert.That(fingerprint.Failure is null ? Explained(Property.Failure) : fingerprint.Failure == declared.Failure, message);
            Assert.That(fingerprint.Cancellation is null ? Explained(Property.Cancel, Property.Live) : fingerprint.Cancellation == declared.Cancellation, message);
            Assert.That(fingerprint.Reset is null ? Explained(Property.Reset, Property.Live) : fingerprint.Reset == declared.SupportsReset, message);
        });
    }

    [Test]
    public void Verify_ImplementationThatDeclaresNothing_IsJudgedAsTheDefaultsAndCharacterizedAsWhatItDoes()
    {
        var implementation = Registry.Describe(typeof(CachedTaskAdapter));

        var report = new CoyoteEngine().Verify(implementation, Request(Property.Failure));

        Assert.Multiple(() =>
        {
            Assert.That(implementation.Contract.Failure, Is.EqualTo(FailurePolicy.Retry), "the attribute's default");
            Assert.That(report.Results.Single().Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(report.Fingerprint!.Failure, Is.EqualTo(FailurePolicy.Cache), Evidence(report.Fingerprint));
        });
    }

    [Test]
    public void Fingerprint_WhenTheScenariosThatTellPoliciesApartDidNotRun_SaysNotExplored()
    {
        // Only concurrent-get targets PUBLISHED, and it has no failing attempt, no cancellation and no reset.
        var report = new CoyoteEngine().Verify(Registry.Find("double-checked"), Request(Property.Published));

        var fingerprint = report.Fingerprint!;
        Assert.Multiple(() =>
        {
            Assert.That(fingerprint.Failure, Is.Null);
            Assert.That(fingerprint.Cancellation, Is.Null);
            Assert.That(fingerprint.Reset, Is.Null);
            Assert.That(fingerprint.Evidence, Has.Some.Contains("failure: not explored"));
        });
    }

    [Test]
    public void Explore_AViolationSeenWhileExploring_CarriesTheTraceOfThatSameIteration()
    {
        var implementation = Registry.Describe(typeof(CachedTaskAdapter));
        var settings = TestSettings.Ci with { Iterations = 50 };
        var explored = Exploration.Explore(new ExplorationPlan(implementation, StandardScenarios.FailureThenRetry, settings));
        var seen = explored.Violations.First(v => v.Violation.Property == Property.Failure);

        var witness = explored.WitnessOf(Property.Failure);
        var replayed = witness?.TracePath is { } trace ? Exploration.Replay(explored.Plan.Case, File.ReadAllText(trace), TestSettings.Ci) : null;

        Assert.Multiple(() =>
        {
            Assert.That(explored.Iterations, Is.EqualTo(50), "exploring never stops early");
            Assert.That(witness, Is.Not.Null);
            Assert.That(witness!.Iterations, Is.EqualTo(seen.Iteration));
            Assert.That(witness.Violates(Property.Failure), witness.Describe);
            Assert.That(witness.History, Is.EqualTo(seen.History));
            Assert.That(witness.TracePath, Does.Exist);
            Assert.That(replayed?.Violates(Property.Failure), Is.True, () => replayed?.Describe() ?? "the witness has no trace");
            Assert.That(replayed?.History, Is.EqualTo(seen.History), "the trace replays the very iteration that was seen");
        });
    }

    [Test]
    public void Witness_TraceAndItsCaseFile_ReplayInProcess()
    {
        var report = new CoyoteEngine().Verify(Registry.Find("no-lock"), Request(Property.Once));
        var witness = report.Results.Single().Witness!;

        var (verificationCase, property) = ReplayCase.Read(witness.TracePath!);
        var replayed = Exploration.Replay(verificationCase, File.ReadAllText(witness.TracePath!), TestSettings.Ci);

        Assert.Multiple(() =>
        {
            Assert.That(property, Is.EqualTo(Property.Once));
            Assert.That(replayed.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(replayed.Violates(Property.Once), replayed.Describe);
            Assert.That(replayed.History, Is.EqualTo(witness.History));
        });
    }

    private static TestCaseData Known<TAdapter>(FailurePolicy failure, CancellationPolicy cancellation, bool reset)
        where TAdapter : SingletonAdapter =>
        new TestCaseData(typeof(TAdapter), failure, cancellation, reset).SetArgDisplayNames(Registry.Describe(typeof(TAdapter)).Name);

    private static string Evidence(Fingerprint? fingerprint) =>
        fingerprint is null ? "no fingerprint" : "Evidence: " + string.Join(" | ", fingerprint.Evidence);
}
