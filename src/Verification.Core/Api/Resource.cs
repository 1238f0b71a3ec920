using Verification.Core;
using Verification.Specs;
using System.Diagnostics;

namespace Verification;

/// <summary>
/// A stand-in for the shared resource (a connection, a client) for implementations that hold a value rather than being
/// the singleton themselves. Its identity is all that matters.
/// </summary>
[DebuggerDisplay("Resource")]
public sealed class Resource
{
    public override string ToString() => nameof(Resource);
}
