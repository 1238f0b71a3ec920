namespace Verification.Core;

/// <summary>
/// What kind of runs back an engine's verdicts, and so what they can establish. Every kind can witness a violation: a
/// history the oracles reject is a violation however it came about. Only runs whose schedules the engine controlled can
/// certify a pass (<see cref="EvidenceStrength.CanCertifyPass"/>). When engines disagree, <c>verify</c> merges their
/// verdicts by this, never by an engine's name.
/// </summary>
public enum Evidence
{
    /// <summary>
    /// Coyote's controlled schedules over the standard scenarios: a violation comes with a trace that replays it, and a
    /// whole budget explored with no violation and nothing uncontrolled certifies a pass.
    /// </summary>
    Systematic,

    /// <summary>
    /// Scenario plans FsCheck generated, each run under Coyote's controlled schedules, the first failing one shrunk: as
    /// controlled as <see cref="Systematic"/>, over plans nobody wrote, so a search that finds nothing certifies a pass too.
    /// </summary>
    Generated,

    /// <summary>
    /// Runs on the real thread pool, in whatever interleavings the machine happened to produce: a violation seen is real
    /// (it witnesses a failure, without a trace), but a clean run is only a sample of the schedules and certifies nothing.
    /// </summary>
    SampledOnRealThreads,
}
