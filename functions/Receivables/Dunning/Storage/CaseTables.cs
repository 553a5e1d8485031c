using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Receivables.Storage;

namespace Receivables.Dunning.Storage;

/// <summary>
/// The tables that hold cases: one table per creditor (<see cref="StorageNames.Tables.CasesOf"/>, created the first time
/// this process touches the creditor) and the shared <see cref="StorageNames.Tables.CaseIndex"/> of reply-token and
/// email lookups. Before cases had a table per creditor every row lived in one <c>Cases</c> table; a creditor's rows
/// (and the lookup rows) still found there are moved over once, before the new table is used, so nothing stored is
/// lost. Moving copies first and deletes after, so a crash half-way moves the rest the next time.
/// </summary>
internal sealed class CaseTables(StorageClients storage, ILogger<CaseTables> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> ready = new(StringComparer.Ordinal);

    /// <summary>The creditor's case table, created (and the creditor's rows moved from the legacy table) on first use.</summary>
    public Task<TableClient> ForCreditorAsync(string creditorId, CancellationToken cancellationToken) =>
        ReadyAsync(StorageNames.Tables.CasesOf(creditorId), $"PartitionKey ge '{Escape(creditorId)}|' and PartitionKey lt '{Escape(creditorId)}|~'", cancellationToken);

    /// <summary>The lookup table (reply tokens, email addresses), with the legacy table's lookup rows moved on first use.</summary>
    public Task<TableClient> IndexAsync(CancellationToken cancellationToken) =>
        ReadyAsync(StorageNames.Tables.CaseIndex, "PartitionKey ge '~' and PartitionKey lt '~~'", cancellationToken);

    private async Task<TableClient> ReadyAsync(string name, string legacyFilter, CancellationToken cancellationToken)
    {
        var lazy = ready.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => PrepareAsync(n, legacyFilter, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed preparation (storage unavailable) is tried again by the next caller.
            ready.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> PrepareAsync(string name, string legacyFilter, CancellationToken cancellationToken)
    {
        var table = storage.Table(name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var moved = await MoveLegacyRowsAsync(table, legacyFilter, cancellationToken);
        if (moved > 0)
        {
            logger.LogWarning("Moved {Rows} row(s) from the legacy table {Legacy} to {Table}", moved, StorageNames.Tables.LegacyCases, name);
        }

        return table;
    }

    private async Task<int> MoveLegacyRowsAsync(TableClient target, string filter, CancellationToken cancellationToken)
    {
        var legacy = storage.Table(StorageNames.Tables.LegacyCases);
        var moved = 0;
        try
        {
            var rows = new List<TableEntity>();
            await foreach (var row in legacy.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
            {
                foreach (var chunk in partition.Chunk(100))
                {
                    await target.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Copy(r))), cancellationToken);
                }
            }

            foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
            {
                foreach (var row in partition)
                {
                    try
                    {
                        await legacy.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                    }
                    catch (RequestFailedException e) when (e.Status == 404)
                    {
                        // Another host moved it at the same time.
                    }
                }

                moved += partition.Count();
            }
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            return 0; // no legacy table: nothing to move
        }

        return moved;
    }

    /// <summary>The row without its service properties, so that it is written as a new row in the target table.</summary>
    private static TableEntity Copy(TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (key, value) in row)
        {
            if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[key] = value;
            }
        }

        return copy;
    }

    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
