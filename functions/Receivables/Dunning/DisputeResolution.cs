namespace Receivables.Dunning;

/// <summary>
/// How a person resolved a dispute over <see cref="Invoices"/>: <see cref="CreditTo"/> null when it was rejected (the
/// ladder resumes, no step before <see cref="Deadline"/>); else the invoices stay held until the ledger shows their open
/// amount credited down to <see cref="CreditTo"/> (0: upheld in full), and what is left is due by <see cref="Deadline"/>.
/// <see cref="KnownCredits"/>: the credit notes the ledger already showed, which do not count as the new one.
/// </summary>
public sealed record DisputeResolution(IReadOnlyList<string> Invoices, DateOnly Deadline, decimal? CreditTo, IReadOnlyList<string> KnownCredits);
