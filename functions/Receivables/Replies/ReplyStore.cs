using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>The state of one stored reply (row of <see cref="StorageNames.Tables.Replies"/>).</summary>
public sealed record StoredReply(string ReplyId, string DedupeKey, string ContentType, string BlobPath, DateTimeOffset ReceivedAt, bool Queued, string State, string? Class, string? CaseId);

/// <summary>
/// Raw payloads in the <see cref="StorageNames.Containers.Inbound"/> container and one row per reply in the
/// Replies table (partition "reply", row = reply id = hash of the dedupe key).
/// </summary>
public sealed class ReplyStore(StorageClients storage)
{
    private const string Partition = "reply";

    private TableClient Table => storage.Table(StorageNames.Tables.Replies);

    /// <summary>Stores the payload and its row. Returns the row; <c>Created=false</c> when this reply was already stored.</summary>
    public async Task<(StoredReply Reply, bool Created)> StoreAsync(string replyId, string dedupeKey, string contentType, byte[] payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (await GetAsync(replyId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var blobPath = $"{receivedAt:yyyy/MM/dd}/{replyId}.bin";
        var blob = storage.Container(StorageNames.Containers.Inbound).GetBlobClient(blobPath);
        await blob.UploadAsync(new BinaryData(payload), new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            HttpHeaders = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = contentType },
        }, cancellationToken);

        var entity = new TableEntity(Partition, replyId)
        {
            ["DedupeKey"] = dedupeKey,
            ["ContentType"] = contentType,
            ["BlobPath"] = blobPath,
            ["ReceivedAt"] = receivedAt,
            ["Queued"] = false,
            ["State"] = "stored",
        };
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            return (ToReply(entity), true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await GetAsync(replyId, cancellationToken))!, false);
        }
    }

    public async Task<StoredReply?> GetAsync(string replyId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, replyId, cancellationToken: cancellationToken);
        return response.HasValue ? ToReply(response.Value!) : null;
    }

    public async Task<byte[]> ReadPayloadAsync(StoredReply reply, CancellationToken cancellationToken)
    {
        var content = await storage.Container(StorageNames.Containers.Inbound).GetBlobClient(reply.BlobPath).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToArray();
    }

    /// <summary>Merges the given columns into the reply's row (ETag-checked; a concurrent change makes the caller retry).</summary>
    public async Task UpdateAsync(string replyId, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var current = await Table.GetEntityAsync<TableEntity>(Partition, replyId, cancellationToken: cancellationToken);
        var entity = new TableEntity(Partition, replyId);
        foreach (var (key, value) in values)
        {
            entity[key] = value;
        }

        await Table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Replies with the given state (e.g. "awaiting-ledger").</summary>
    public async IAsyncEnumerable<TableEntity> ListByStateAsync(string state, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {state}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return entity;
        }
    }

    private static StoredReply ToReply(TableEntity e) => new(
        e.RowKey,
        e.GetString("DedupeKey") ?? "",
        e.GetString("ContentType") ?? "",
        e.GetString("BlobPath") ?? "",
        e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        e.GetBoolean("Queued") ?? false,
        e.GetString("State") ?? "",
        e.GetString("Class"),
        e.GetString("CaseId"));
}
