using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Coyote.Specifications;
using Verification.Core;
using Verification.Specs;

namespace Verification.Benchmarks;

/// <summary>Where the harness's cost goes: the same scenario run with the harness's parts added one at a time.</summary>
/// <param name="Callers">Callers of the scenario.</param>
/// <param name="Variant">What ran in each iteration.</param>
/// <param name="PerSecond">Iterations per second.</param>
/// <param name="StepsPerIteration">Coyote scheduling steps per iteration (null for the full runner, whose report is not exposed).</param>
/// <param name="OperationsPerIteration">Coyote controlled operations per iteration.</param>
internal sealed record BreakdownRow(int Callers, string Variant, Spread PerSecond, double? StepsPerIteration, double? OperationsPerIteration);
