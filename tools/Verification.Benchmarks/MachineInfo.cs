using System.Runtime.InteropServices;

namespace Verification.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
internal static class MachineInfo
{
    public static Machine Describe(string loadAtStart) => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Environment.ProcessorCount,
        CpuModel(),
        loadAtStart,
        LoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages, where the system reports them: other work on the machine skews every figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();
}
