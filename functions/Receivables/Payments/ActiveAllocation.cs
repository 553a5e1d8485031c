namespace Receivables.Payments;

/// <summary>
/// A bank payment applied to an invoice that the ledger does not show yet: it lowers what the case considers open
/// (<see cref="Ledger.IOpenItemAdjustments"/>). <see cref="BaseOpen"/> is the invoice's open amount in snapshot
/// <see cref="BaseSnapshotId"/> when the payment was applied; the ledger's later fall below it is credited to these
/// payments first (see docs/payments.md).
/// </summary>
public sealed record ActiveAllocation(
    string CreditorId,
    string DebtorId,
    string InvoiceNumber,
    string PaymentKey,
    decimal Amount,
    string Currency,
    decimal BaseOpen,
    string BaseSnapshotId,
    DateOnly BookedOn,
    string? ETag = null);
