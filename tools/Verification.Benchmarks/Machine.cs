using System.Collections.Immutable;

namespace Verification.Benchmarks;

/// <summary>The machine and how busy it was.</summary>
internal sealed record Machine(string Os, string Runtime, int Cores, string Cpu, string LoadAverageAtStart, string LoadAverageAtEnd);
