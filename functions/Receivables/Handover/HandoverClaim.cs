namespace Receivables.Handover;

/// <summary>One invoice: principal still open, the fees charged on it (with dates), interest to the export date, and the § 3a compensation less those fees.</summary>
public sealed record HandoverClaim(
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    decimal Amount,
    decimal OpenPrincipal,
    string? Kid,
    IReadOnlyList<HandoverFee> Fees,
    decimal InterestToDate,
    IReadOnlyList<string> InterestBasis,
    decimal Compensation);
