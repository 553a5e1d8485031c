using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Dunning.Storage;

/// <summary>
/// The tables that hold cases: one table per creditor (<see cref="StorageNames.Tables.CasesOf"/>, created the first time
/// this process touches the creditor) and the shared <see cref="StorageNames.Tables.CaseIndex"/> of reply-token and
/// email lookups. Before cases had a table per creditor every row lived in one <c>Cases</c> table; a creditor's rows
/// (and the lookup rows) still found there are moved over once, before the new table is used, so nothing stored is
/// lost. Moving copies first and deletes after, so a crash half-way moves the rest the next time. Each creditor's table
/// has a layout (its number of partitions, sized by the planner from the creditor's ledger the first time, in the
/// lookup table's <c>~layout</c> partition), fixed once written: changing it would mean moving every case.
/// </summary>
internal sealed class CaseTables(StorageClients storage, ILogger<CaseTables> logger)
{
    private const string LayoutPartition = "~layout";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> ready = new(StringComparer.Ordinal);

    /// <summary>The layouts read or laid down (a layout never changes once written).</summary>
    private readonly ConcurrentDictionary<string, int> layouts = new(StringComparer.Ordinal);

    /// <summary>
    /// The creditor's case table, created (and the creditor's rows moved from the legacy table) on first use, with its
    /// layout. A table not laid out yet holds no cases or only cases from before layouts, which used 16 partitions.
    /// </summary>
    public async Task<CaseTable> ForCreditorAsync(string creditorId, CancellationToken cancellationToken)
    {
        var client = await ReadyAsync(StorageNames.Tables.CasesOf(creditorId), $"PartitionKey ge '{Escape(creditorId)}|' and PartitionKey lt '{Escape(creditorId)}|~'", cancellationToken);
        if (layouts.TryGetValue(creditorId, out var partitions))
        {
            return new CaseTable(client, partitions);
        }

        if (await ReadLayoutAsync(creditorId, cancellationToken) is { } stored)
        {
            layouts[creditorId] = stored;
            return new CaseTable(client, stored);
        }

        return new CaseTable(client, DebtorShards.Buckets);
    }

    /// <summary>
    /// The creditor's case table to write to: laid out first if it is not yet. An empty table gets
    /// <paramref name="partitions"/> (16 when not given); a table with cases from before layouts keeps 16. Whoever
    /// lays it down first wins; everyone else reads theirs.
    /// </summary>
    public async Task<CaseTable> ForWritingAsync(string creditorId, int? partitions, CancellationToken cancellationToken)
    {
        var table = await ForCreditorAsync(creditorId, cancellationToken);
        if (layouts.ContainsKey(creditorId))
        {
            return table;
        }

        var chosen = DebtorShards.Buckets;
        if (partitions is { } wanted && !await HasRowsAsync(table.Client, cancellationToken))
        {
            chosen = wanted is 1 or 2 or 4 or 8 or 16 ? wanted : throw new ArgumentOutOfRangeException(nameof(partitions), wanted, "A case table has 1, 2, 4, 8 or 16 partitions.");
        }

        var index = await IndexAsync(cancellationToken);
        try
        {
            await index.AddEntityAsync(new TableEntity(LayoutPartition, LayoutRow(creditorId)) { ["CreditorId"] = creditorId, ["Partitions"] = chosen }, cancellationToken);
            logger.LogInformation("Case table of {CreditorId} laid out in {Partitions} partition(s)", creditorId, chosen);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            chosen = await ReadLayoutAsync(creditorId, cancellationToken) ?? throw new InvalidOperationException($"The layout of the case table of '{creditorId}' was written and is gone.", e);
        }

        layouts[creditorId] = chosen;
        return table with { Partitions = chosen };
    }

    private async Task<int?> ReadLayoutAsync(string creditorId, CancellationToken cancellationToken)
    {
        var index = await IndexAsync(cancellationToken);
        var row = await index.GetEntityIfExistsAsync<TableEntity>(LayoutPartition, LayoutRow(creditorId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt32("Partitions") : null;
    }

    private static async Task<bool> HasRowsAsync(TableClient table, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string LayoutRow(string creditorId) => TableKeys.Escape(creditorId);

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
    private static TableEntity Copy(TableEntity row) => CopyColumns(row, new TableEntity(row.PartitionKey, row.RowKey));

    /// <summary>Copies the row's own columns (not its keys, timestamp or ETag) onto <paramref name="target"/>.</summary>
    public static TableEntity CopyColumns(TableEntity row, TableEntity target)
    {
        foreach (var (key, value) in row)
        {
            if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                target[key] = value;
            }
        }

        return target;
    }

    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
