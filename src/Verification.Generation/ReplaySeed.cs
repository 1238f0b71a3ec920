using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;
using Verification.Core;

namespace Verification.Generation;

/// <summary>
/// FsCheck's random seed for a run of generated scenarios. The same seed and the same number of tests generate the same
/// scenarios in the same order, and since each scenario is run under Coyote with a fixed seed, the same counterexample
/// shrinks the same way.
/// </summary>
/// <param name="Seed">FsCheck's <see cref="Rnd.Seed"/>.</param>
/// <param name="Gamma">FsCheck's <see cref="Rnd.Gamma"/>.</param>
public sealed record ReplaySeed(ulong Seed, ulong Gamma)
{
    /// <summary>A fixed seed, for runs that must generate the same scenarios every time (CI).</summary>
    public static ReplaySeed Fixed { get; } = new(1, 0x9E3779B97F4A7C15);

    /// <summary>A fresh seed, so that every unpinned run explores new scenarios and still prints what pins it.</summary>
    public static ReplaySeed Random() =>
        new((ulong)System.Random.Shared.NextInt64(long.MaxValue), ((ulong)System.Random.Shared.NextInt64(long.MaxValue) << 1) | 1);

    /// <summary>FsCheck's own replay value, for <c>Config.WithReplay</c>.</summary>
    public Replay ToReplay() => new(new Rnd(Seed, Gamma), FSharpOption<int>.None);

    /// <summary>Reads <c>seed,gamma</c>, with or without parentheses and spaces, as <see cref="ToString"/> and FsCheck print it.</summary>
    /// <exception cref="FormatException">Not two whole numbers.</exception>
    public static ReplaySeed Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ValueParsers.TryParseSeedPair(text, out var seed, out var gamma)
            ? new ReplaySeed(seed, gamma)
            : throw new FormatException($"'{text}' is not an FsCheck seed: expected 'seed,gamma', e.g. '(12345,67891)'.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Seed},{Gamma})");
}
