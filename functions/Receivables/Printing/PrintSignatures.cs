namespace Receivables.Printing;

/// <summary>Signature lines for each party: a place-and-date line and a signature line with the party's name under it.</summary>
public sealed record PrintSignatures(string PlaceAndDateLabel, string SignatureLabel, string NameLabel, IReadOnlyList<PrintSigner> Signers) : PrintBlock;
