using System.Collections.Immutable;

namespace Verification.Core;

/// <summary>Two implementations declare the same name, so a name on the command line or in a case could mean either.</summary>
public sealed class DuplicateImplementationException : InvalidOperationException
{
    public DuplicateImplementationException()
    {
    }

    public DuplicateImplementationException(string message)
        : base(message)
    {
    }

    public DuplicateImplementationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
