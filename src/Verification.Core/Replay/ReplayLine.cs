namespace Verification.Core;

/// <summary>One way to replay a failure: how, and the command to paste.</summary>
/// <param name="How">E.g. <c>Replay with Coyote</c>.</param>
/// <param name="Command">A shell command that works from anywhere.</param>
public sealed record ReplayLine(string How, string Command);
