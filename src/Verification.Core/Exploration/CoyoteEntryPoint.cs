namespace Verification.Core;

/// <summary>
/// The entry point for the Coyote command line: <c>coyote test|replay Verification.Core.dll -m Verification.Core.CoyoteEntryPoint.Run</c>
/// with the case in the <c>VERIFICATION_CASE</c> environment variable. Failure messages print the full command. It runs the
/// same iteration body as every other run of the harness, so a trace replays here as it does in process.
/// </summary>
public static class CoyoteEntryPoint
{
    public const string MethodName = "Verification.Core.CoyoteEntryPoint.Run";

    [Microsoft.Coyote.SystematicTesting.Test]
    public static Task Run()
    {
        var verificationCase = VerificationCase.FromEnvironment();
        RewriteGuard.EnsureRewritten(typeof(CoyoteEntryPoint).Assembly, verificationCase.Implementation.AdapterType.Assembly);
        return new ExplorationIteration(new ExplorationPlan(verificationCase.Implementation, verificationCase.Scenario, new RunSettings())).RunAsync();
    }
}
