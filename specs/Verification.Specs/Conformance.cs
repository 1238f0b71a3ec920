namespace Verification.Specs;

/// <summary>Whether an implementation behaves as it declares, over the properties checked: the "as declared" column.</summary>
public enum Conformance
{
    /// <summary>Nothing contradicts the declaration, and every property checked was judged.</summary>
    Yes,

    /// <summary>Nothing contradicts the declaration, but some property could not be judged, so nothing confirms it either.</summary>
    Partly,

    /// <summary>A property fails that the declaration promises, or a planted bug's property did not fail.</summary>
    No,

    /// <summary>The property a planted bug (or a documented violation) must violate was not among those checked.</summary>
    NotChecked,
}
