using System.Collections.Immutable;
using Verification.Specs;

namespace Verification.Core;

/// <summary>The hand-picked scenarios every implementation is run through, each aimed at some properties.</summary>
public static class StandardScenarios
{
    public static Scenario ConcurrentGet { get; } = Scenario.Create(
        "concurrent-get", "c1=get c2=get c3=get a=ok:1", Property.Once, Property.Same, Property.Published, Property.Live);

    public static Scenario FailureThenRetry { get; } = Scenario.Create(
        "failure", "c1=get,get c2=get,get a=fail:1,ok:1", Property.Failure, Property.Once, Property.Same, Property.Live);

    public static Scenario Cancellation { get; } = Scenario.Create(
        "cancel", "c1=get~cancel c2=get c3=get~cancelled a=ok:2", Property.Cancel, Property.Same, Property.Live);

    public static Scenario CancelWhileHanging { get; } = Scenario.Create(
        "cancel-hang", "c1=get~cancel c2=get~cancel a=hang", Property.Cancel, Property.Live);

    /// <summary>
    /// Every get is given a cancellable token that is never cancelled: the path code takes for a token that
    /// <see cref="CancellationToken.CanBeCanceled"/> (a registration, a token-aware wait), which the other scenarios' plain
    /// gets, given <see cref="CancellationToken.None"/>, never reach. No caller cancels, so none may end cancelled, and a
    /// failure on that path must still reach its callers as the very exception the attempt threw.
    /// </summary>
    public static Scenario CancellableTokenNeverCancelled { get; } = Scenario.Create(
        "cancellable-token", "c1=get~cancellable,get~cancellable c2=get~cancellable a=fail:1,ok:1",
        Property.Cancel, Property.Failure, Property.Once, Property.Same, Property.Live);

    public static Scenario ResetBetweenGets { get; } = Scenario.Create(
        "reset", "c1=get,reset,get c2=get,get a=ok:1", Property.Reset, Property.Once, Property.Same, Property.Live);

    /// <summary>A reset that races an initialization in flight; the caller's second get starts after the reset may have completed.</summary>
    public static Scenario ResetRace { get; } = Scenario.Create(
        "reset-race", "c1=get,get c2=reset a=ok:2", Property.Reset, Property.Once, Property.Same, Property.Live);

    public static ImmutableArray<Scenario> All { get; } = [ConcurrentGet, FailureThenRetry, Cancellation, CancelWhileHanging, CancellableTokenNeverCancelled, ResetBetweenGets, ResetRace];

    /// <summary>The scenarios that apply to <paramref name="implementation"/> (reset only where a reset is declared).</summary>
    public static ImmutableArray<Scenario> For(Implementation implementation) =>
        [.. All.Where(s => !s.UsesReset || implementation.Contract.SupportsReset)];

    public static Scenario Find(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No scenario named '{name}'. Known: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
}
