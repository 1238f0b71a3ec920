using Verification.Specs;

namespace Verification.Core;

/// <summary>The implementation failed in a way that prevents running the scenario at all (its constructor threw, say).</summary>
public sealed class ImplementationFaultException : Exception
{
    public ImplementationFaultException()
    {
    }

    public ImplementationFaultException(string message)
        : base(message)
    {
    }

    public ImplementationFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
