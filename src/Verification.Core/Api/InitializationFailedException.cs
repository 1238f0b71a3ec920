using Verification.Core;
using Verification.Specs;
namespace Verification;

/// <summary>The exception a scripted initialization attempt throws. Callers must receive this very object.</summary>
public sealed class InitializationFailedException : Exception
{
    public InitializationFailedException()
    {
    }

    public InitializationFailedException(string message)
        : base(message)
    {
    }

    public InitializationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
