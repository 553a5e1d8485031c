namespace Receivables.Ledger;

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
