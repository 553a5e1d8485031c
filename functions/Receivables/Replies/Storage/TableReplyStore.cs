using Azure;
using Azure.Data.Tables;
using Receivables.Storage;

namespace Receivables.Replies.Storage;

/// <summary>
/// Raw payloads in the <see cref="StorageNames.Containers.Inbound"/> container and one row per reply in the
/// Replies table (partition "reply", row = reply id = hash of the dedupe key).
/// </summary>
public sealed class TableReplyStore(StorageClients storage) : IReplyStore
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
    public async IAsyncEnumerable<StoredReply> ListByStateAsync(string state, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {state}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToReply(entity);
        }
    }

    /// <summary>
    /// Claims the one acknowledgement of kind <paramref name="template"/> a debtor may get per <paramref name="period"/>:
    /// true for the first claim in the period and for the same <paramref name="claimKey"/> again (a retried reply), false
    /// for any other reply within the period. One row per creditor, debtor and template (partition "ack"), ETag-checked,
    /// so replies processed at the same moment cannot both win.
    /// </summary>
    public async Task<bool> ClaimAcknowledgementAsync(string creditorId, string debtorId, string template, string claimKey, DateTimeOffset now, TimeSpan period, CancellationToken cancellationToken)
    {
        var row = AcknowledgementRow(creditorId, debtorId, template);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(AcknowledgementPartition, row, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                try
                {
                    await Table.AddEntityAsync(new TableEntity(AcknowledgementPartition, row)
                    {
                        ["CreditorId"] = creditorId,
                        ["DebtorId"] = debtorId,
                        ["Template"] = template,
                        ["ClaimKey"] = claimKey,
                        ["At"] = now,
                    }, cancellationToken);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue;
                }
            }

            var entity = existing.Value!;
            if (entity.GetString("ClaimKey") == claimKey)
            {
                return true;
            }

            if (entity.GetDateTimeOffset("At") is { } at && now - at < period)
            {
                return false;
            }

            entity["ClaimKey"] = claimKey;
            entity["At"] = now;
            try
            {
                await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another reply claimed it at the same moment: read again.
            }
        }

        throw new InvalidOperationException($"Acknowledgement of {template} for {creditorId}/{debtorId}: the claim kept changing under us; retried later.");
    }

    /// <summary>Gives a claim back when nothing was sent under it (no ledger details, no address), so the next reply may try.</summary>
    public async Task ReleaseAcknowledgementAsync(string creditorId, string debtorId, string template, string claimKey, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(AcknowledgementPartition, AcknowledgementRow(creditorId, debtorId, template), cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetString("ClaimKey") == claimKey)
        {
            try
            {
                await Table.DeleteEntityAsync(existing.Value, existing.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Claimed again meanwhile: theirs now.
            }
        }
    }

    private const string AcknowledgementPartition = "ack";

    /// <summary>Ids may hold characters a row key cannot, so the row is a hash of creditor, debtor and template.</summary>
    private static string AcknowledgementRow(string creditorId, string debtorId, string template) =>
        "A" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(creditorId + "\n" + debtorId + "\n" + template)))[..32].ToLowerInvariant();

    private static StoredReply ToReply(TableEntity e) => new(
        e.RowKey,
        e.GetString("DedupeKey") ?? "",
        e.GetString("ContentType") ?? "",
        e.GetString("BlobPath") ?? "",
        e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        e.GetBoolean("Queued") ?? false,
        e.GetString("State") ?? "",
        e.GetString("Class"),
        e.GetString("CaseId"))
    {
        CreditorId = e.GetString("CreditorId"),
        DebtorId = e.GetString("DebtorId"),
        Thread = e.GetString("Thread"),
    };
}
