namespace Receivables.Payments;

/// <summary>Which rule placed a payment.</summary>
public enum MatchRule
{
    /// <summary>Not placed: a task asks a person.</summary>
    None,

    /// <summary>The KID of the payment is the KID of an open invoice (MOD10 or MOD11 check digit valid).</summary>
    Kid,

    /// <summary>The ISO 11649 RF reference (check valid) carries an open invoice's number or KID.</summary>
    Rf,

    /// <summary>The free text names an open invoice (number or KID) whose open amount equals the payment exactly.</summary>
    Text,
}

/// <summary>Part of a payment placed on one invoice.</summary>
public sealed record PaymentAllocation(string DebtorId, string InvoiceNumber, decimal Amount);

/// <summary>What the matcher decided for one incoming payment.</summary>
public sealed record MatchDecision(MatchRule Rule, string? DebtorId, IReadOnlyList<PaymentAllocation> Allocations, decimal Overpayment, string Reason)
{
    public bool IsMatched => Rule != MatchRule.None;
}

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

/// <summary>States of a stored payment.</summary>
public static class PaymentStates
{
    public const string Claimed = "claimed";
    public const string Matched = "matched";
    public const string Unmatched = "unmatched";
    public const string Reversed = "reversed";
    public const string Reversal = "reversal";
}

public enum PaymentImportResult
{
    /// <summary>Read, matched and stored.</summary>
    Accepted,

    /// <summary>The same file (by content) was imported before: nothing counted twice.</summary>
    Duplicate,

    /// <summary>Refused as a whole; a report was written next to the file and nothing stored changed.</summary>
    Rejected,

    /// <summary>The blob was deleted or replaced before it was read.</summary>
    Skipped,
}

/// <summary>What became of one uploaded payment file version (kept, so a redelivered event does nothing twice).</summary>
public sealed record PaymentImportOutcome(
    string BlobName,
    string ETag,
    string? CreditorId,
    PaymentImportResult Result,
    string Message,
    DateTimeOffset At,
    string? Format = null,
    int Transactions = 0,
    int Matched = 0,
    int Unmatched = 0,
    int Duplicates = 0,
    int Reversals = 0,
    int Skipped = 0,
    decimal MatchedAmount = 0m,
    decimal Overpaid = 0m,
    int DebtorsAffected = 0,
    string? ReportBlob = null,
    IReadOnlyList<string>? Lines = null);
