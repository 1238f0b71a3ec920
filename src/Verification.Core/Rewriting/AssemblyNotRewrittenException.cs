using System.Reflection;
using Microsoft.Coyote.Rewriting;

namespace Verification.Core;

/// <summary>Coyote was asked to test an assembly it has not rewritten.</summary>
public sealed class AssemblyNotRewrittenException : Exception
{
    public AssemblyNotRewrittenException()
    {
    }

    public AssemblyNotRewrittenException(string message)
        : base(message)
    {
    }

    public AssemblyNotRewrittenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
