using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Receivables.Actions.Storage;

/// <summary>
/// The Today index in the <see cref="Receivables.Storage.StorageNames.Tables.TodayIndex"/> table: partition = creditor;
/// one row per open task whose row key is the task's <see cref="TaskUrgency.SortKey"/> followed by its id, so a range
/// query returns the open tasks most urgent first and a page reads only its rows. The number of rows is kept in
/// <see cref="Shards"/> counter rows (row keys from <c>~count-</c>, after every task row): each added or removed row
/// changes one counter in the same transaction, so their sum is exact whichever counter it was. Each instance changes
/// its own counter (chosen at random), so concurrent hosts rarely change the same one, and remembers it with its ETag,
/// so a change is one transaction (no read first); a counter changed meanwhile by another instance fails that
/// transaction (412) and is read again. A single counter may go below zero (a task opened by one instance, completed by
/// another); only the sum means anything.
/// </summary>
public sealed class TodayIndexTable(TableClient table)
{
    /// <summary>This instance's counter row of each creditor as it last wrote it: count and ETag.</summary>
    private readonly ConcurrentDictionary<string, (int Count, ETag ETag)> counters = new(StringComparer.Ordinal);

    /// <summary>The counter row this instance changes.</summary>
    private readonly string home = CountPrefix + Random.Shared.Next(Shards).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Counter rows per creditor: concurrent openers of one creditor rarely change the same one.</summary>
    public const int Shards = 16;

    /// <summary>Every task row sorts before this; the counters and the marker after it.</summary>
    private const string MetaPrefix = "~";

    private const string CountPrefix = "~count-";

    /// <summary>Written once the creditor's open tasks from before the index were added to it.</summary>
    private const string BuiltMarker = "~built";

    public static string RowKey(string sortKey, string taskId) => sortKey + taskId;

    public static string TaskIdOf(string rowKey) => rowKey[TaskUrgency.SortKeyLength..];

    public static string SortKeyOf(string rowKey) => rowKey[..TaskUrgency.SortKeyLength];

    /// <summary>Adds the task's row and counts it; nothing when the row is there already.</summary>
    public Task AddAsync(string creditorId, string rowKey, CancellationToken cancellationToken) =>
        ChangeAsync(creditorId, [rowKey], add: true, cancellationToken);

    /// <summary>Removes the task's row and uncounts it; nothing when the row is gone already.</summary>
    public Task RemoveAsync(string creditorId, string rowKey, CancellationToken cancellationToken) =>
        ChangeAsync(creditorId, [rowKey], add: false, cancellationToken);

    /// <summary>
    /// Adds many tasks' rows and counts them: up to 99 rows and the counter in one transaction (a table transaction
    /// holds 100 entities of one partition). Rows that are there already are left and not counted.
    /// </summary>
    public async Task AddManyAsync(string creditorId, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Distinct(StringComparer.Ordinal).Chunk(99))
        {
            await ChangeAsync(creditorId, [.. chunk], add: true, cancellationToken);
        }
    }

    /// <summary>
    /// Adds (or removes) the rows and changes this instance's counter by as many, in one transaction. A row that is
    /// there (or gone) already is left out and the rest tried again; a counter changed elsewhere since this instance
    /// wrote it is read again.
    /// </summary>
    private async Task ChangeAsync(string creditorId, List<string> rows, bool add, CancellationToken cancellationToken)
    {
        for (var conflicts = 0; rows.Count > 0;)
        {
            var known = await CounterAsync(creditorId, cancellationToken);
            var count = (known?.Count ?? 0) + (add ? rows.Count : -rows.Count);
            var counter = new TableEntity(creditorId, home) { ["Count"] = count };
            var actions = rows.Select(r => add
                ? new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(creditorId, r) { ["TaskId"] = TaskIdOf(r) })
                : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(creditorId, r), ETag.All)).ToList();
            actions.Add(known is { } k
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, k.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, counter));
            try
            {
                var result = await table.SubmitTransactionAsync(actions, cancellationToken);
                if (result.Value.Count > 0 && result.Value[^1].Headers.ETag is { } etag)
                {
                    counters[creditorId] = (count, etag);
                }
                else
                {
                    counters.TryRemove(creditorId, out _);
                }

                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 && e.FailedTransactionActionIndex is { } at && at < rows.Count)
            {
                rows.RemoveAt(at); // there (add) or gone (remove) already, by an earlier try of the same work: not counted again
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // The counter changed (or was created or removed) elsewhere since this instance wrote it: read it again,
                // at once the first time (expected when another host changed it), then after a growing pause.
                counters.TryRemove(creditorId, out _);
                if (++conflicts == 50)
                {
                    throw new InvalidOperationException($"Today index of {creditorId}: too many concurrent changes of one counter; the change is retried later.");
                }

                if (conflicts > 1)
                {
                    await Task.Delay(Random.Shared.Next(5, 25 + (conflicts * 10)), cancellationToken);
                }
            }
            catch
            {
                counters.TryRemove(creditorId, out _);
                throw;
            }
        }
    }

    /// <summary>This instance's counter as it last wrote it, else as stored (null: no counter row yet).</summary>
    private async Task<(int Count, ETag ETag)?> CounterAsync(string creditorId, CancellationToken cancellationToken)
    {
        if (counters.TryGetValue(creditorId, out var known))
        {
            return known;
        }

        var stored = await table.GetEntityIfExistsAsync<TableEntity>(creditorId, home, cancellationToken: cancellationToken);
        return stored.HasValue ? (stored.Value!.GetInt32("Count") ?? 0, stored.Value!.ETag) : null;
    }

    /// <summary>The first <paramref name="take"/> row keys of the creditor, most urgent first.</summary>
    public async Task<IReadOnlyList<string>> FirstAsync(string creditorId, int take, CancellationToken cancellationToken)
    {
        var keys = new List<string>(take);
        if (take <= 0)
        {
            return keys;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creditorId} and RowKey lt {MetaPrefix}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, take), select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            foreach (var entity in page.Values)
            {
                keys.Add(entity.RowKey);
                if (keys.Count == take)
                {
                    return keys;
                }
            }
        }

        return keys;
    }

    /// <summary>How many task rows the creditor has, and whether its open tasks from before the index were added.</summary>
    public async Task<(int Count, bool Built)> CountAsync(string creditorId, CancellationToken cancellationToken)
    {
        var count = 0;
        var built = false;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creditorId} and RowKey ge {MetaPrefix}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey.StartsWith(CountPrefix, StringComparison.Ordinal))
            {
                count += entity.GetInt32("Count") ?? 0;
            }
            else if (entity.RowKey == BuiltMarker)
            {
                built = true;
            }
        }

        return (Math.Max(0, count), built);
    }

    public Task MarkBuiltAsync(string creditorId, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(creditorId, BuiltMarker), TableUpdateMode.Replace, cancellationToken);
}
