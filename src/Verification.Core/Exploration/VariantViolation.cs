using Verification.Specs;

namespace Verification.Core;

/// <summary>A violation seen while exploring: under which contract variant, in which iteration, and the history that shows it.</summary>
/// <param name="Variant">The contract variant the history was judged against.</param>
/// <param name="Violation">The first violation of its property under that variant.</param>
/// <param name="Seed">The seed of the run, so a rerun with it reaches the same schedule.</param>
/// <param name="Iteration">The 1-based iteration of that run in which it was first seen.</param>
/// <param name="History">The history of that iteration, as a table.</param>
/// <param name="InStoppedIteration">True if Coyote stopped that iteration itself (a deadlock) and the history is partial.</param>
public sealed record VariantViolation(ContractVariant Variant, Violation Violation, uint Seed, int Iteration, string History, bool InStoppedIteration = false);
