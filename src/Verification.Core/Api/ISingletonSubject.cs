using Verification.Core;
using Verification.Specs;
namespace Verification;

/// <summary>One instance of an implementation under test, built fresh for every iteration.</summary>
public interface ISingletonSubject
{
    /// <summary>Gets the shared instance, initializing it if needed.</summary>
    /// <param name="cancellationToken">The caller's token; what it may cancel is the implementation's declared cancellation policy.</param>
    Task<object?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Starts a new epoch: the next get initializes a new instance. Only called on implementations that declare reset.</summary>
    Task ResetAsync() => throw new NotSupportedException("This implementation declares no reset.");
}
