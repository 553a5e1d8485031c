namespace Receivables.Payments;

/// <summary>A stored bank transaction with its decision.</summary>
public sealed record StoredPayment(
    string CreditorId,
    string Key,
    string BlobName,
    string FileSha256,
    int Record,
    string BankReference,
    decimal Amount,
    string Currency,
    DateOnly BookingDate,
    string? Kid,
    string? CreditorReference,
    string? FreeText,
    string? Payer,
    string? PayerAccount,
    bool IsReversal,
    MatchRule Rule,
    string? DebtorId,
    IReadOnlyList<PaymentAllocation> Allocations,
    decimal Overpayment,
    string Status,
    string Reason)
{
    /// <summary>
    /// On a payment a reversal undid: the key of that reversal, stored before any of the payment's applied amounts are
    /// taken back, so a retry after a crash finishes the same reversal instead of looking for another payment.
    /// </summary>
    public string? ReversedBy { get; init; }

    /// <summary>On a reversed payment: how much of it the ledger already showed as paid when the reversal was decided.</summary>
    public decimal ReversedInLedger { get; init; }
}
