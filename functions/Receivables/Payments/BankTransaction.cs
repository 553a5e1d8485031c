namespace Receivables.Payments;

/// <summary>
/// One transaction of a bank file as the file states it, after parsing and validation. <see cref="Record"/> is the
/// OCR record number (line) or the XML line of the camt.054 transaction; <see cref="BankReference"/> identifies the
/// transaction across files (the same payment in two files has the same reference).
/// </summary>
public sealed record BankTransaction(
    string Format,
    int Record,
    string BankReference,
    bool IsCredit,
    bool IsBooked,
    bool IsReversal,
    decimal Amount,
    string Currency,
    DateOnly BookingDate,
    DateOnly? ValueDate,
    string? Kid,
    string? CreditorReference,
    string? FreeText,
    string? PayerName,
    string? PayerAccount,
    string? EndToEndId,
    string? AccountServicerReference,
    string Raw)
{
    /// <summary>A booked incoming payment: what the matcher places on invoices.</summary>
    /// <summary>
    /// The creditor's account the entry was booked on, as the file names it (IBAN or BBAN; a camt message's account), or
    /// null when the file does not say (OCR giro: the agreement's account).
    /// </summary>
    public string? Account { get; init; }

    public bool IsIncomingPayment => IsCredit && IsBooked && !IsReversal;

    /// <summary>A booked reversal of an incoming payment (OCR types 18/20; camt debit entry with RvslInd, or a credit entry with RvslInd).</summary>
    public bool IsPaymentReversal => IsBooked && IsReversal;
}
