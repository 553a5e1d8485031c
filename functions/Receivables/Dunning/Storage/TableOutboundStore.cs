using Azure;
using Azure.Data.Tables;
using Receivables.Storage;

namespace Receivables.Dunning.Storage;

/// <summary>
/// The <see cref="StorageNames.Tables.Outbound"/> table: partition = <c>creditor|h</c> (h = top hex digit of the key's
/// hash: 16 per creditor), row = the message's idempotency key. Every state change is guarded by the row's ETag.
/// Partitions <c>~msg|h</c> map a sent Message-ID back to its case.
/// </summary>
internal sealed class TableOutboundStore(StorageClients storage) : IOutboundStore
{
    private const string MessagePartition = "~msg";

    private TableClient Table => storage.Table(StorageNames.Tables.Outbound);

    public async Task<OutboundRecord?> GetAsync(string creditorId, string key, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(creditorId, key), TableKeys.Escape(key), cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    public async Task<OutboundRecord> ClaimAsync(string creditorId, string key, string debtorId, string holder, DateTimeOffset now, TimeSpan claim, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition(creditorId, key), TableKeys.Escape(key))
        {
            ["CreditorId"] = creditorId,
            ["Key"] = key,
            ["DebtorId"] = debtorId,
            ["State"] = OutboundStates.Intended,
            ["IntendedAt"] = now,
            ["ClaimedUntil"] = now + claim,
            ["ClaimedBy"] = holder,
        };
        try
        {
            var added = await Table.AddEntityAsync(entity, cancellationToken);
            entity.ETag = added.Headers.ETag ?? default;
            return ToRecord(entity);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // An earlier delivery recorded the intent: take it over only when its claim has run out (it crashed).
        }

        var existing = (await Table.GetEntityAsync<TableEntity>(Partition(creditorId, key), TableKeys.Escape(key), cancellationToken: cancellationToken)).Value;
        var record = ToRecord(existing);
        if (record.State != OutboundStates.Intended)
        {
            return record;
        }

        // A redelivery of the same queue message means the earlier delivery is gone (failed or timed out): take over.
        if (record.ClaimedUntil is { } until && until > now && existing.GetString("ClaimedBy") != holder)
        {
            throw new OutboundBusyException(key);
        }

        existing["ClaimedUntil"] = now + claim;
        existing["ClaimedBy"] = holder;
        try
        {
            var updated = await Table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            existing.ETag = updated.Headers.ETag ?? default;
            return ToRecord(existing);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new OutboundBusyException(key);
        }
    }

    public async Task<OutboundRecord> MarkSentAsync(OutboundRecord record, string messageId, string provider, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        await Table.UpsertEntityAsync(
            new TableEntity(MessagePartitionOf(TableKeys.Escape(messageId)), TableKeys.Escape(messageId)) { ["CreditorId"] = record.CreditorId, ["DebtorId"] = record.DebtorId, ["Key"] = record.Key },
            TableUpdateMode.Replace,
            cancellationToken);
        var entity = new TableEntity(Partition(record.CreditorId, record.Key), TableKeys.Escape(record.Key))
        {
            ["State"] = OutboundStates.Sent,
            ["MessageId"] = messageId,
            ["Provider"] = provider,
            ["SentAt"] = sentAt,
        };
        return await UpdateAsync(record, entity, cancellationToken);
    }

    public async Task<OutboundRecord> MarkAsync(OutboundRecord record, string state, CancellationToken cancellationToken = default) =>
        await UpdateAsync(record, new TableEntity(Partition(record.CreditorId, record.Key), TableKeys.Escape(record.Key)) { ["State"] = state }, cancellationToken);

    public async Task<(string CreditorId, string DebtorId, string Key)?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(MessagePartitionOf(TableKeys.Escape(messageId.Trim().Trim('<', '>'))), TableKeys.Escape(messageId.Trim().Trim('<', '>')), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            response = await Table.GetEntityIfExistsAsync<TableEntity>(MessagePartitionOf(TableKeys.Escape(messageId.Trim())), TableKeys.Escape(messageId.Trim()), cancellationToken: cancellationToken);
        }

        return response.HasValue ? (response.Value!.GetString("CreditorId")!, response.Value!.GetString("DebtorId")!, response.Value!.GetString("Key")!) : null;
    }

    private async Task<OutboundRecord> UpdateAsync(OutboundRecord record, TableEntity changes, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await Table.UpdateEntityAsync(changes, new ETag(record.Version), TableUpdateMode.Merge, cancellationToken);
            return record with
            {
                State = changes.GetString("State") ?? record.State,
                MessageId = changes.GetString("MessageId") ?? record.MessageId,
                Provider = changes.GetString("Provider") ?? record.Provider,
                Version = updated.Headers.ETag?.ToString() ?? record.Version,
            };
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new OutboundBusyException(record.Key);
        }
    }

    /// <summary>A creditor's messages spread over 16 partitions by the key's hash, so a big day's sends do not share one partition.</summary>
    private static string Partition(string creditorId, string key) =>
        creditorId + "|" + (Common.DebtorShards.Hash(key) >> 28).ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    private static string MessagePartitionOf(string row) =>
        MessagePartition + "|" + (Common.DebtorShards.Hash(row) >> 28).ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    private static OutboundRecord ToRecord(TableEntity e) => new(
        e.GetString("CreditorId") ?? e.PartitionKey[..e.PartitionKey.LastIndexOf('|')],
        e.GetString("Key") ?? e.RowKey,
        e.GetString("DebtorId") ?? "",
        e.GetString("State") ?? OutboundStates.Intended,
        e.GetDateTimeOffset("ClaimedUntil"),
        e.GetString("MessageId"),
        e.GetString("Provider"),
        e.ETag.ToString());
}
