namespace Receivables.Dunning;

/// <summary>
/// A dispute upheld in full or in part: <see cref="Invoices"/> stay held until the ledger shows their open amount (net of
/// credit notes that were not there when it was decided, <see cref="KnownCredits"/>) at or below
/// <see cref="ExpectedOpen"/>; what is left then follows the ladder, not before <see cref="Deadline"/>.
/// </summary>
public sealed record AwaitedCredit(IReadOnlyList<string> Invoices, decimal ExpectedOpen, DateOnly Deadline, IReadOnlyList<string> KnownCredits);
