namespace Verification.Core;

/// <summary>
/// Which implementation and which scenario a Coyote entry point runs. A trace records only scheduling choices, so the
/// case travels beside it, in the environment variable <see cref="EnvironmentVariable"/>.
/// </summary>
public sealed record VerificationCase(Implementation Implementation, Scenario Scenario)
{
    public const string EnvironmentVariable = "VERIFICATION_CASE";

    /// <summary>The case as text: <c>implementation|scenario text</c>.</summary>
    public string Text => $"{Implementation.Name}|{Scenario.Text}";

    /// <exception cref="FormatException">The text names no registered implementation or holds no scenario.</exception>
    public static VerificationCase Parse(string text) => Parse(text, Registry.Discovered);

    /// <summary>Reads a case whose implementation is one of those <paramref name="discovery"/> found.</summary>
    /// <exception cref="FormatException">The text names no implementation found or holds no scenario.</exception>
    public static VerificationCase Parse(string text, Discovery discovery)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(discovery);
        var parts = text.Split('|', 2);
        if (parts.Length != 2)
        {
            throw new FormatException($"'{text}' is not a case: expected 'implementation|scenario', e.g. 'no-lock|c1=get c2=get'.");
        }

        Implementation implementation;
        try
        {
            implementation = discovery.Find(parts[0].Trim());
        }
        catch (ArgumentException unknown)
        {
            throw new FormatException(unknown.Message, unknown);
        }

        return new VerificationCase(implementation, Scenario.Parse(parts[1]));
    }

    /// <exception cref="InvalidOperationException">The environment variable is not set.</exception>
    public static VerificationCase FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? throw new InvalidOperationException($"Set {EnvironmentVariable} to 'implementation|scenario' (the failure message prints it)."));
}
