using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Receivables.Actions.Storage;

/// <summary>
/// The tasks of each debtor in the <see cref="Receivables.Storage.StorageNames.Tables.TaskDebtors"/> table: one
/// partition per creditor (<c>c</c> and the creditor's hash), row = the debtor's hash (a debtor id may hold any
/// character), <c>|</c> and the task id. A debtor's tasks are then one range query in the creditor's partition instead
/// of a filter over every task of the creditor, and the tasks of many debtors are a few queries (up to
/// <see cref="DebtorsPerQuery"/> debtors' ranges each) and their rows one transaction per 100: the cycle opens a
/// shard's call tasks at a fraction of a storage operation each. One partition serves about 2,000 entities a second; a
/// creditor's tasks are human-scale, far below. Rows are written before the task and never removed (a debtor's page
/// lists completed tasks too). A marker row per creditor (partition <c>built2</c>) says its tasks from before this
/// layout were added. The rows of the earlier layout (one partition per creditor and debtor, <c>d</c> and a hash;
/// marker partition <c>built</c>) may stay: nothing reads them.
/// </summary>
public sealed class TaskDebtorsTable(TableClient table)
{
    /// <summary>The marker partition of this layout (<c>built</c> marked the earlier one, per debtor partition).</summary>
    private const string BuiltPartition = "built2";

    /// <summary>
    /// Debtors' ranges combined in one query: a $filter holds at most 15 comparisons, the partition's one and two per
    /// debtor (<c>RowKey ge</c>, <c>RowKey lt</c>).
    /// </summary>
    public const int DebtorsPerQuery = 7;

    /// <summary>Queries of many debtors' ranges run at once, at most.</summary>
    private const int ParallelQueries = 4;

    /// <summary>Entities in one table transaction, at most.</summary>
    private const int TransactionSize = 100;

    /// <summary>Between the debtor's hash and the task id; the one after it in ordinal order ends the debtor's range.</summary>
    private const char Separator = '|';

    private const char AfterSeparator = '}';

    private readonly ConcurrentDictionary<string, bool> built = new(StringComparer.Ordinal);

    public Task AddAsync(string creditorId, string debtorId, string taskId, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(PartitionOf(creditorId), RowKey(debtorId, taskId)), TableUpdateMode.Merge, cancellationToken);

    /// <summary>Adds the rows of many of the creditor's tasks: one transaction per 100 rows (a row there already stays).</summary>
    public async Task AddManyAsync(string creditorId, IEnumerable<(string DebtorId, string TaskId)> tasks, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(creditorId);
        foreach (var chunk in tasks.Select(t => RowKey(t.DebtorId, t.TaskId)).Distinct(StringComparer.Ordinal).Chunk(TransactionSize))
        {
            await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(partition, row))), cancellationToken);
        }
    }

    /// <summary>The ids of the debtor's tasks, in id order (the order of the tasks table): one range query.</summary>
    public async Task<IReadOnlyList<string>> TaskIdsAsync(string creditorId, string debtorId, CancellationToken cancellationToken) =>
        (await TaskIdsAsync(creditorId, [debtorId], cancellationToken))[debtorId];

    /// <summary>
    /// The ids of each debtor's tasks, in id order: one query per <see cref="DebtorsPerQuery"/> debtors (their ranges
    /// joined with <c>or</c>), a few at once. Every debtor given has a list, empty when it has no task.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> TaskIdsAsync(string creditorId, IEnumerable<string> debtorIds, CancellationToken cancellationToken)
    {
        var hashes = debtorIds.Distinct(StringComparer.Ordinal).ToDictionary(d => d, Hash, StringComparer.Ordinal);
        var byHash = hashes.Values.Distinct(StringComparer.Ordinal).ToDictionary(h => h, _ => new List<string>(), StringComparer.Ordinal);
        var partition = PartitionOf(creditorId);
        await Parallel.ForEachAsync(
            byHash.Keys.Chunk(DebtorsPerQuery),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelQueries, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                var ranges = group.Select(h => TableClient.CreateQueryFilter($"(RowKey ge {h + Separator} and RowKey lt {h + AfterSeparator})"));
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and (" + string.Join(" or ", ranges) + ")";
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
                {
                    // Each group's lists are its own: no other query adds to them.
                    if (entity.RowKey.Length > HashLength && entity.RowKey[HashLength] == Separator && byHash.TryGetValue(entity.RowKey[..HashLength], out var ids))
                    {
                        ids.Add(entity.RowKey[(HashLength + 1)..]);
                    }
                }
            });

        return hashes.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)[.. byHash[d.Value].Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    public async Task<bool> IsBuiltAsync(string creditorId, CancellationToken cancellationToken)
    {
        if (built.ContainsKey(creditorId))
        {
            return true;
        }

        var marker = await table.GetEntityIfExistsAsync<TableEntity>(BuiltPartition, Hash(creditorId), cancellationToken: cancellationToken);
        if (marker.HasValue)
        {
            built[creditorId] = true;
        }

        return marker.HasValue;
    }

    public async Task MarkBuiltAsync(string creditorId, CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(new TableEntity(BuiltPartition, Hash(creditorId)) { ["CreditorId"] = creditorId }, TableUpdateMode.Replace, cancellationToken);
        built[creditorId] = true;
    }

    private static string PartitionOf(string creditorId) => "c" + Hash(creditorId);

    private static string RowKey(string debtorId, string taskId) => Hash(debtorId) + Separator + taskId;

    private const int HashLength = 32;

    /// <summary>The first 32 hex digits of the text's SHA-256 (the tests pick debtors whose hashes sort side by side).</summary>
    internal static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength].ToLowerInvariant();
}
