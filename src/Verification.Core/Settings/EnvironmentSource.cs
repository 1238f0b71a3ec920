namespace Verification.Core;

/// <summary>Settings from <c>VERIFICATION_*</c> environment variables, each parsed by its setting's own parser.</summary>
/// <param name="read">Reads a variable; null if it is not set. Tests pass a dictionary's lookup.</param>
public sealed class EnvironmentSource(Func<string, string?> read) : ISettingSource
{
    /// <summary>The process's environment.</summary>
    public static EnvironmentSource Process { get; } = new(Environment.GetEnvironmentVariable);

    public T Get<T>(Setting<T> setting, T fallback)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return setting.Variable is { } variable && read(variable) is { } text ? setting.Parse(variable, text) : fallback;
    }
}
