using Verification.Core;
using Verification.Specs;

namespace Verification;

/// <summary>Where an implementation comes from, as reports show it.</summary>
public enum ImplementationKind
{
    /// <summary>Written here and expected to satisfy its declared contract.</summary>
    Correct,

    /// <summary>Written here with a known bug that the harness must catch.</summary>
    PlantedBug,

    /// <summary>A library's implementation, judged against what its documentation promises.</summary>
    ThirdParty,

    /// <summary>A user's own implementation.</summary>
    User,
}
