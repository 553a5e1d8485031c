using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Receivables.Storage;

namespace Receivables.Ledger.Storage;

/// <summary>
/// The ledger's storage in Azure Storage. Uploads and rejection reports live in the <c>ledger</c> container; each
/// accepted snapshot is a folder <c>&lt;creditor&gt;/&lt;snapshotId&gt;/</c> in the <c>snapshots</c> container (ledger,
/// index, changes, summary); the <c>Ledgers</c> table holds one row per creditor pointing at the latest snapshot (its
/// ETag guards replacement), one row per accepted snapshot, and one row per handled upload version.
/// </summary>
public sealed class AzureLedgerStore(StorageClients storage) : ILedgerStore
{
    /// <summary>Blob metadata an uploader may set to say when the data was taken (ISO 8601); else the upload time counts.</summary>
    public const string TakenAtMetadata = "takenat";

    private const string LatestRow = "latest";
    private const string UploadPartition = "upload";

    private TableClient Table => storage.Table(StorageNames.Tables.Ledgers);

    public async Task<LedgerUploadFile?> GetUploadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await storage.Container(StorageNames.Containers.Ledger).GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            DateTimeOffset? takenAt = properties.Metadata.TryGetValue(TakenAtMetadata, out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            return new LedgerUploadFile(blobName, properties.ETag.ToString(), properties.ContentLength, properties.LastModified, takenAt);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> OpenUploadAsync(LedgerUploadFile file, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.Containers.Ledger).GetBlobClient(file.BlobName);
        var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(file.ETag) } }, cancellationToken);
        return response.Value.Content;
    }

    public async Task WriteReportAsync(string blobName, string text, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.Containers.Ledger).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(text), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } }, cancellationToken);
    }

    public async Task<StoredSnapshot?> GetLatestAsync(string creditorId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, LatestRow, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? ToSnapshot(entity) : null;
    }

    public async Task<SnapshotInfo?> GetSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, "snapshot-" + snapshotId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? ToSnapshot(entity).Info : null;
    }

    public async Task<Stream?> ReadPartAsync(string creditorId, string snapshotId, SnapshotPart part, long offset = 0, long? length = null, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(StorageNames.Containers.Snapshots).GetBlobClient(PartName(creditorId, snapshotId, part));
        try
        {
            var options = offset == 0 && length is null ? new BlobDownloadOptions() : new BlobDownloadOptions { Range = new HttpRange(offset, length) };
            return (await blob.DownloadStreamingAsync(options, cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> WritePartAsync(string creditorId, string snapshotId, SnapshotPart part, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.Containers.Snapshots).GetBlockBlobClient(PartName(creditorId, snapshotId, part));
        return await blob.OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions { BufferSize = 8 * 1024 * 1024 }, cancellationToken);
    }

    public async Task DeleteSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken)
    {
        foreach (var part in Enum.GetValues<SnapshotPart>())
        {
            await storage.Container(StorageNames.Containers.Snapshots).DeleteBlobIfExistsAsync(PartName(creditorId, snapshotId, part), cancellationToken: cancellationToken);
        }
    }

    public async Task CommitAsync(StoredSnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken)
    {
        var info = snapshot.Info;
        var latest = ToEntity(snapshot, LatestRow);
        var history = ToEntity(snapshot, "snapshot-" + info.SnapshotId);
        TableTransactionAction[] actions = expectedVersion is null
            ? [new(TableTransactionActionType.Add, latest), new(TableTransactionActionType.UpsertReplace, history)]
            : [new(TableTransactionActionType.UpdateReplace, latest, new ETag(expectedVersion)), new(TableTransactionActionType.UpsertReplace, history)];
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new SnapshotConflictException(info.CreditorId);
        }
    }

    public async Task<LedgerUploadOutcome?> GetOutcomeAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(UploadPartition, UploadKey(blobName, eTag), cancellationToken: cancellationToken);
        return response.HasValue && response.Value?.GetString("Json") is { } json ? JsonSerializer.Deserialize<LedgerUploadOutcome>(json, Json.Options) : null;
    }

    public async Task SaveOutcomeAsync(LedgerUploadOutcome outcome, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(UploadPartition, UploadKey(outcome.BlobName, outcome.ETag))
        {
            ["Blob"] = outcome.BlobName,
            ["Result"] = outcome.Result.ToString(),
            ["Json"] = JsonSerializer.Serialize(outcome, Json.Options),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public static string PartName(string creditorId, string snapshotId, SnapshotPart part) => part switch
    {
        SnapshotPart.Ledger => $"{creditorId}/{snapshotId}/ledger.tsv",
        SnapshotPart.Index => $"{creditorId}/{snapshotId}/index.tsv",
        SnapshotPart.Changes => $"{creditorId}/{snapshotId}/changes.tsv",
        _ => $"{creditorId}/{snapshotId}/summary.json",
    };

    private static string UploadKey(string blobName, string eTag) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + eTag.Trim('"'))));

    private static TableEntity ToEntity(StoredSnapshot snapshot, string rowKey)
    {
        var info = snapshot.Info;
        return new TableEntity(info.CreditorId, rowKey)
        {
            ["SnapshotId"] = info.SnapshotId,
            ["SourceFile"] = info.SourceFile,
            ["TakenAt"] = info.TakenAt,
            ["AcceptedAt"] = info.AcceptedAt,
            ["Debtors"] = info.Debtors,
            ["Invoices"] = info.Invoices,
            ["Sha256"] = info.Sha256,
            ["SourceLength"] = snapshot.SourceLength,
        };
    }

    private static StoredSnapshot ToSnapshot(TableEntity e) => new(
        new SnapshotInfo(
            e.PartitionKey,
            e.GetString("SnapshotId"),
            e.GetString("SourceFile"),
            e.GetDateTimeOffset("TakenAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("AcceptedAt") ?? DateTimeOffset.MinValue,
            e.GetInt32("Debtors") ?? 0,
            e.GetInt32("Invoices") ?? 0,
            e.GetString("Sha256")),
        e.GetInt64("SourceLength") ?? 0,
        e.ETag.ToString());
}
