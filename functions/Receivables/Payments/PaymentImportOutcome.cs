namespace Receivables.Payments;

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
