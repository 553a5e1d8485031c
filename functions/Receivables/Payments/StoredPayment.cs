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
    string Reason);
