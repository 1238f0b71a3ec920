namespace Verification.Cli;

/// <summary>
/// The harness's own input is bad (an implementation assembly that cannot be loaded, a trace of another build); the message
/// says what to fix.
/// </summary>
internal sealed class HarnessInputException(string message) : Exception(message);
