using Verification.Core;
using Verification.Specs;

namespace Verification;

/// <summary>Thrown out of an attempt that hung to the end of a scenario, when the harness releases it.</summary>
public sealed class AttemptReleasedException : Exception
{
    public AttemptReleasedException()
    {
    }

    public AttemptReleasedException(string message)
        : base(message)
    {
    }

    public AttemptReleasedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
