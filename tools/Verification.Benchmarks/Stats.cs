namespace Verification.Benchmarks;

/// <summary>A figure measured several times: its median and spread.</summary>
/// <param name="Median">The median of the samples.</param>
/// <param name="Min">The smallest sample.</param>
/// <param name="Max">The largest sample.</param>
/// <param name="Samples">How many samples.</param>
internal sealed record Spread(double Median, double Min, double Max, int Samples)
{
    /// <summary>The spread of <paramref name="samples"/>, or null if there are none.</summary>
    public static Spread? OfAny(IReadOnlyCollection<double> samples) => samples.Count == 0 ? null : Of(samples);

    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty.</exception>
    public static Spread Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }
}
