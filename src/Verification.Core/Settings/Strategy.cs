using System.Globalization;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;

namespace Verification.Core;

/// <summary>A Coyote exploration strategy, selectable by name.</summary>
public enum Strategy
{
    /// <summary>Coyote's default: a fair portfolio that rotates strategies across iterations.</summary>
    Portfolio,
    Random,

    /// <summary>Priority-based (PCT).</summary>
    Pct,
    Probabilistic,
    QLearning,
}
