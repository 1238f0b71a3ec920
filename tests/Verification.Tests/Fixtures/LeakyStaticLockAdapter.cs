using Verification.Core;

namespace Verification.Tests.Fixtures;

/// <summary>
/// Misbehaving on purpose: a class-level lock created once per process and never reset, so the second iteration touches
/// a lock that belongs to the first iteration's runtime. Not registered (no attribute): tests build its
/// <see cref="Implementation"/> themselves.
/// </summary>
public sealed class LeakyStaticLockAdapter : SingletonAdapter
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static object? _instance;

    public override ISingletonSubject Create(InitializationSeam seam) => new Subject(seam);

    public override void ResetStaticState() => _instance = null;

    private sealed class Subject(InitializationSeam seam) : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken)
        {
            await Lock.WaitAsync(cancellationToken);
            try
            {
                return _instance ??= await seam.CreateInitializedAsync(CancellationToken.None);
            }
            finally
            {
                Lock.Release();
            }
        }
    }
}
