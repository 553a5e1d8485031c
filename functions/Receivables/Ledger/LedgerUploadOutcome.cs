namespace Receivables.Ledger;

/// <summary>What became of one uploaded file version (kept, so a redelivered event does nothing twice).</summary>
public sealed record LedgerUploadOutcome(
    string BlobName,
    string ETag,
    string? CreditorId,
    LedgerUploadResult Result,
    string Message,
    DateTimeOffset At,
    string? SnapshotId = null,
    string? Format = null,
    int Rows = 0,
    int Debtors = 0,
    int Invoices = 0,
    int DebtorsChanged = 0,
    IReadOnlyDictionary<LedgerChangeKind, int>? Changes = null,
    int Errors = 0,
    int Warnings = 0,
    string? ReportBlob = null,
    IReadOnlyList<string>? FirstProblems = null);
