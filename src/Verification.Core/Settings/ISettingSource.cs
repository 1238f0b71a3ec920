namespace Verification.Core;

/// <summary>
/// Where settings are read from: the environment or a parsed command line. Code that turns settings into a value (a
/// <see cref="Budget"/>, generation settings) is written once against this, so both sources give the same result.
/// </summary>
public interface ISettingSource
{
    /// <summary>The value this source gives <paramref name="setting"/>, or <paramref name="fallback"/> if it gives none.</summary>
    /// <exception cref="FormatException">The source gives a value that is not valid; the message names where it was given.</exception>
    T Get<T>(Setting<T> setting, T fallback);

    /// <summary>The value this source gives <paramref name="setting"/>, or the setting's default.</summary>
    /// <exception cref="FormatException">The source gives a value that is not valid; the message names where it was given.</exception>
    T Get<T>(Setting<T> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return Get(setting, setting.Default);
    }
}
