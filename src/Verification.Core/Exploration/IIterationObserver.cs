namespace Verification.Core;

/// <summary>Follows a Coyote run iteration by iteration (<see cref="CoyoteHost.Run"/>).</summary>
/// <remarks>
/// Coyote files an iteration's bug, and its trace, only after the iteration's end callback has run, so what an iteration
/// found is read when the next one starts, or when the run ends.
/// </remarks>
public interface IIterationObserver
{
    /// <summary>Called before each iteration; the previous iteration's bug and trace are filed by now.</summary>
    void IterationStarting(EngineView engine);

    /// <summary>Called after each iteration, including those Coyote stopped itself.</summary>
    void IterationEnded(EngineView engine);

    /// <summary>Called once after the last iteration.</summary>
    void RunEnded(EngineView engine);
}
