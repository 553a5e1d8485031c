namespace Receivables.Payments;

/// <summary>A reference (KID) of a debtor's group of invoices, and what it is (for the match's reason).</summary>
public sealed record PaymentReference(string Kid, string DebtorId, IReadOnlyList<string> InvoiceNumbers, string Description);
