using Verification.Core;
using Verification.Specs;
namespace Verification;

/// <summary>
/// Plugs one implementation into the harness. Subclass it, mark the subclass with <see cref="SingletonImplementationAttribute"/>,
/// and every engine picks it up.
/// </summary>
public abstract class SingletonAdapter
{
    /// <summary>
    /// Builds the implementation for one iteration. The implementation must use <paramref name="seam"/> as its initialization
    /// (the article's <c>_connect</c>): the harness scripts it and observes it.
    /// </summary>
    public abstract ISingletonSubject Create(InitializationSeam seam);

    /// <summary>
    /// Clears static state (a class-level instance and lock). Runs as the first step of every iteration, inside the
    /// iteration's runtime, so a static lock from a previous iteration is never touched.
    /// </summary>
    public virtual void ResetStaticState()
    {
    }
}
