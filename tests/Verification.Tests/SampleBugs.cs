using Verification.Core;
using Verification.Specs;
using Verification.Tests.Kit;

namespace Verification.Tests;

/// <summary>
/// Small bugs of the kinds the catalog's planted bugs will have (a cached failure, a shared attempt cancelled by one
/// caller, a wait that ignores cancellation, a reset that keeps the old instance), so the generation and stress engines
/// are shown to find and shrink more than races. They are not registered: the catalog stays the catalog.
/// </summary>
internal static class SampleBugs
{
    public static IReadOnlyList<Implementation> All { get; } =
    [
        Describe<FailureCachedDespiteRetry>("sample-cached-failure", Property.Failure, Contracts.RetryNone),
        Describe<AttemptCancelledByCaller>("sample-cancelled-attempt", Property.Cancel, Contracts.RetryCaller),
        Describe<WaitIgnoresCancellation>("sample-uncancellable-wait", Property.Live, Contracts.RetryCaller),
        Describe<ResetKeepsInstance>("sample-reset-keeps-instance", Property.Reset, Contracts.RetryNoneResettable),
    ];

    private static Implementation Describe<TAdapter>(string name, Property property, DeclaredContract contract)
        where TAdapter : SingletonAdapter =>
        new(name, typeof(TAdapter), ImplementationKind.PlantedBug, contract, property, $"sample bug violating {property.Id()}");

    /// <summary>Declares retry, but keeps the first attempt's task forever, failed or not.</summary>
    private sealed class FailureCachedDespiteRetry : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

        private sealed class Subject(InitializationSeam seam) : ISingletonSubject
        {
            private readonly object _gate = new();
            private Task<Resource>? _task;

            public async Task<object?> GetAsync(CancellationToken cancellationToken)
            {
                Task<Resource> task;
                lock (_gate)
                {
                    task = _task ??= seam.CreateInitializedAsync(CancellationToken.None);
                }

                return await task.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Declares that a caller's cancellation stops only its own wait, but hands the first caller's token to the shared attempt.</summary>
    private sealed class AttemptCancelledByCaller : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

        private sealed class Subject(InitializationSeam seam) : ISingletonSubject
        {
            private readonly object _gate = new();
            private Task<Resource>? _task;

            public async Task<object?> GetAsync(CancellationToken cancellationToken)
            {
                Task<Resource> task;
                lock (_gate)
                {
                    if (_task is null || _task.IsFaulted || _task.IsCanceled)
                    {
                        _task = seam.CreateInitializedAsync(cancellationToken);
                    }

                    task = _task;
                }

                return await task.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Declares that a cancelled caller stops waiting at once, but waits for the initialization regardless.</summary>
    private sealed class WaitIgnoresCancellation : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

        private sealed class Subject(InitializationSeam seam) : ISingletonSubject
        {
            private readonly object _gate = new();
            private Task<Resource>? _task;

            public async Task<object?> GetAsync(CancellationToken cancellationToken)
            {
                Task<Resource> task;
                lock (_gate)
                {
                    if (_task is null || _task.IsFaulted)
                    {
                        _task = seam.CreateInitializedAsync(CancellationToken.None);
                    }

                    task = _task;
                }

                return await task.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Declares a reset, whose reset does nothing.</summary>
    private sealed class ResetKeepsInstance : SingletonAdapter
    {
        public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

        private sealed class Subject(InitializationSeam seam) : ISingletonSubject
        {
            private readonly object _gate = new();
            private Task<Resource>? _task;

            public async Task<object?> GetAsync(CancellationToken cancellationToken)
            {
                Task<Resource> task;
                lock (_gate)
                {
                    if (_task is null || _task.IsFaulted)
                    {
                        _task = seam.CreateInitializedAsync(CancellationToken.None);
                    }

                    task = _task;
                }

                return await task.ConfigureAwait(false);
            }

            public Task ResetAsync() => Task.CompletedTask;
        }
    }
}
