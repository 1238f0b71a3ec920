using System.Diagnostics;
using System.Globalization;
using Verification.Core;

namespace Verification.Cli;

/// <summary>
/// Shows what verify is doing: one line per finished run (implementation, activity, iterations, iterations per second,
/// elapsed). On a terminal a status line is redrawn in place while a run works; when output is redirected (CI logs)
/// nothing is redrawn, and a long run prints a line every <see cref="HeartbeatInterval"/> instead.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool interactive) : IProgress<EngineProgress>
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(150);

    private readonly Stopwatch _total = Stopwatch.StartNew();
    private TimeSpan? _lastDrawn;
    private int _drawnWidth;
    private string? _activity;
    private TimeSpan _nextHeartbeat = HeartbeatInterval;

    public void Report(EngineProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var activity = $"{value.Engine}/{value.Implementation.Name}/{value.Activity}";
        if (activity != _activity)
        {
            _activity = activity;
            _nextHeartbeat = HeartbeatInterval;
        }

        if (value.Finished)
        {
            Erase();
            output.WriteLine(Format(value));
            output.Flush();
            return;
        }

        if (interactive)
        {
            if (_lastDrawn is { } drawn && _total.Elapsed - drawn < RedrawInterval)
            {
                return;
            }

            _lastDrawn = _total.Elapsed;
            var line = Fit(Status(value));
            output.Write("\r" + line.PadRight(_drawnWidth));
            _drawnWidth = line.Length;
            output.Flush();
        }
        else if (value.Elapsed >= _nextHeartbeat)
        {
            _nextHeartbeat += HeartbeatInterval;
            output.WriteLine(Format(value) + "  ...");
            output.Flush();
        }
    }

    /// <summary>Clears the status line, so what follows starts on a clean line.</summary>
    public void Erase()
    {
        if (interactive && _drawnWidth > 0)
        {
            output.Write("\r" + new string(' ', _drawnWidth) + "\r");
            _drawnWidth = 0;
        }
    }

    private string Format(EngineProgress value)
    {
        var seconds = value.Elapsed.TotalSeconds;
        var rate = value.Iterations / Math.Max(seconds, 0.001);
        var iterations = value.PlannedIterations is int planned && !value.Finished
            ? $"{value.Iterations}/{planned}"
            : value.Iterations.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"  {value.Implementation.Name,-26} {value.Activity,-46} {iterations,10} it {rate,6:F0} it/s {seconds,7:F1} s  [{_total.Elapsed.TotalSeconds:F0} s]");
    }

    /// <summary>The redrawn status line: short, numbers first, so a narrow terminal cuts the least useful part.</summary>
    private string Status(EngineProgress value)
    {
        var seconds = value.Elapsed.TotalSeconds;
        var iterations = value.PlannedIterations is int planned ? $"{value.Iterations}/{planned}" : value.Iterations.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"  [{_total.Elapsed.TotalSeconds:F0} s] {iterations} it, {value.Iterations / Math.Max(seconds, 0.001):F0} it/s, {seconds:F1} s: {value.Implementation.Name}, {value.Activity}");
    }

    private static string Fit(string line)
    {
        try
        {
            var width = Console.WindowWidth - 1;
            return width > 20 && line.Length > width ? line[..width] : line;
        }
        catch (IOException)
        {
            return line;
        }
    }
}
