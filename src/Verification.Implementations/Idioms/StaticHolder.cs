using Verification.Core;
using Verification.Specs;

namespace Verification.Implementations.Idioms;

/// <summary>
/// The static holder idiom: the instance's initialization task sits in a <c>static readonly</c> field of a holder type,
/// started by the runtime when it initializes that type, and every caller awaits it.
/// </summary>
/// <remarks>
/// <para>
/// Concurrency contract: the runtime runs a type initializer exactly once per process, so there is one initialization and
/// every caller gets the same instance once it completes. A failure is kept for the life of the process (the field never
/// changes): every caller gets the same exception. Callers cannot cancel.
/// </para>
/// <para>
/// What production code writes is <c>private static class Holder { internal static readonly Task&lt;Resource&gt; Instance
/// = ConnectAsync(); }</c>. Its initializer runs once per process, and a Coyote test is a thousand iterations in one
/// process, so it cannot be run per iteration, and the runtime's type-initialization lock is not one Coyote controls
/// anyway. Here the holder is an object created by <see cref="InitializeType"/>, which stands for the runtime initializing
/// the type in a fresh process. Without an explicit static constructor the type is <c>beforefieldinit</c> and the runtime
/// may initialize it at any time before first use, so doing it before any caller runs is one of its legal choices. What
/// is verified is what callers see of a shared, eagerly started task, not the runtime's once-only guarantee.
/// </para>
/// </remarks>
public static class StaticHolder
{
    private static Holder? s_holder;

    /// <summary>The instance, once its initialization has completed.</summary>
    /// <exception cref="Exception">Whatever the initialization threw, to every caller.</exception>
    public static Task<Resource> InstanceAsync =>
        (s_holder ?? throw new InvalidOperationException("The holder type has not been initialized.")).Instance;

    /// <summary>What the runtime does once per process when it initializes the holder type: start the initialization.</summary>
    internal static void InitializeType(Func<CancellationToken, Task<Resource>> connect) => s_holder = new Holder(connect);

    /// <summary>Forgets the holder: the next iteration is a new process.</summary>
    internal static void Unload() => s_holder = null;

    /// <summary>Stands for the nested static class; its field initializer is the type initializer.</summary>
    private sealed class Holder(Func<CancellationToken, Task<Resource>> connect)
    {
        public Task<Resource> Instance { get; } = connect(CancellationToken.None);
    }
}

[SingletonImplementation("static-holder", Kind = ImplementationKind.Correct,
    Failure = FailurePolicy.Cache, Cancellation = CancellationPolicy.None,
    Description = "static readonly Task in a holder type, started when the type initializes (modelled per iteration).")]
public sealed class StaticHolderAdapter : SingletonAdapter
{
    public override void ResetStaticState() => StaticHolder.Unload();

    public override ISingletonSubject Create(InitializationSeam seam)
    {
        StaticHolder.InitializeType(seam.CreateInitializedAsync);
        return new Subject();
    }

    private sealed class Subject : ISingletonSubject
    {
        public async Task<object?> GetAsync(CancellationToken cancellationToken) => await StaticHolder.InstanceAsync.ConfigureAwait(false);
    }
}
