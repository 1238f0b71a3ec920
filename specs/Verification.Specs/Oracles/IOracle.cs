namespace Verification.Specs.Oracles;

/// <summary>Judges one property of the contract on a history.</summary>
public interface IOracle
{
    Property Property { get; }

    /// <summary>The first violation of <see cref="Property"/> in <paramref name="history"/>, or null if it holds.</summary>
    Violation? Check(History history, DeclaredContract contract);
}
