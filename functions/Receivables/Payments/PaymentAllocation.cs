namespace Receivables.Payments;

/// <summary>Part of a payment placed on one invoice.</summary>
public sealed record PaymentAllocation(string DebtorId, string InvoiceNumber, decimal Amount);
