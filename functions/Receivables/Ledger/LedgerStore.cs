namespace Receivables.Ledger;

/// <summary>An uploaded ledger file as storage describes it.</summary>
public sealed record LedgerUploadFile(string BlobName, string ETag, long Length, DateTimeOffset LastModified, DateTimeOffset? TakenAt);

/// <summary>The latest accepted snapshot of a creditor with the storage version that guards its replacement.</summary>
public sealed record StoredSnapshot(SnapshotInfo Info, long SourceLength, string? Version);

/// <summary>The parts of a stored snapshot.</summary>
public enum SnapshotPart
{
    /// <summary>The open items in <see cref="SnapshotFormat"/>, sorted by debtor and invoice.</summary>
    Ledger,

    /// <summary>Sparse debtor index: <c>debtorId TAB byteOffset</c> every ~64 KB, then <c>#end TAB length</c>.</summary>
    Index,

    /// <summary>The changes against the previous snapshot, one per line.</summary>
    Changes,

    /// <summary>Totals as JSON (<see cref="LedgerSummary"/>).</summary>
    Summary,
}

/// <summary>Thrown when another snapshot was accepted for the creditor while this one was being prepared.</summary>
public sealed class SnapshotConflictException(string creditorId) : Exception($"Another ledger snapshot for '{creditorId}' was accepted concurrently; the upload will be retried against it.");

/// <summary>
/// Where the ledger feature keeps its files and snapshots. The product's adapter is
/// <see cref="Storage.AzureLedgerStore"/> (blobs for files and snapshots, the Ledgers table for small records).
/// </summary>
public interface ILedgerStore
{
    Task<LedgerUploadFile?> GetUploadAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Reads the upload's content, failing when it is no longer the version <paramref name="file"/> describes.</summary>
    Task<Stream> OpenUploadAsync(LedgerUploadFile file, CancellationToken cancellationToken);

    /// <summary>Writes a text file into the ledger container (rejection reports).</summary>
    Task WriteReportAsync(string blobName, string text, CancellationToken cancellationToken);

    Task<StoredSnapshot?> GetLatestAsync(string creditorId, CancellationToken cancellationToken);

    /// <summary>Any accepted snapshot (not only the latest) by id.</summary>
    Task<SnapshotInfo?> GetSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken);

    Task<Stream?> ReadPartAsync(string creditorId, string snapshotId, SnapshotPart part, long offset = 0, long? length = null, CancellationToken cancellationToken = default);

    Task<Stream> WritePartAsync(string creditorId, string snapshotId, SnapshotPart part, CancellationToken cancellationToken);

    Task DeleteSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="snapshot"/> the creditor's latest, if the latest is still <paramref name="expectedVersion"/> (null: none).</summary>
    Task CommitAsync(StoredSnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken);

    Task<LedgerUploadOutcome?> GetOutcomeAsync(string blobName, string eTag, CancellationToken cancellationToken);

    Task SaveOutcomeAsync(LedgerUploadOutcome outcome, CancellationToken cancellationToken);
}

public enum LedgerUploadResult
{
    /// <summary>Became the creditor's latest snapshot.</summary>
    Accepted,

    /// <summary>The same content as the latest snapshot: nothing changed.</summary>
    Unchanged,

    /// <summary>Refused as a whole; a report was written next to the file.</summary>
    Rejected,

    /// <summary>The blob was deleted or replaced before it was read; the newer version is handled on its own.</summary>
    Skipped,
}

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
