using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Receivables.Actions.Storage;

/// <summary>
/// The tasks of each debtor in the <see cref="Receivables.Storage.StorageNames.Tables.TaskDebtors"/> table: partition =
/// creditor and debtor (hashed: a debtor id may hold any character), row = task id. A debtor's tasks are then one
/// partition query instead of a filter over every task of the creditor. Rows are written before the task and never
/// removed (a debtor's page lists completed tasks too). A marker row per creditor says its tasks from before this
/// index were added.
/// </summary>
public sealed class TaskDebtorsTable(TableClient table)
{
    private const string BuiltPartition = "built";

    private readonly ConcurrentDictionary<string, bool> built = new(StringComparer.Ordinal);

    public Task AddAsync(string creditorId, string debtorId, string taskId, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(PartitionOf(creditorId, debtorId), taskId), TableUpdateMode.Merge, cancellationToken);

    /// <summary>The ids of the debtor's tasks, in id order (the order of the tasks table).</summary>
    public async Task<IReadOnlyList<string>> TaskIdsAsync(string creditorId, string debtorId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(creditorId, debtorId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(entity.RowKey);
        }

        return ids;
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

    private static string PartitionOf(string creditorId, string debtorId) => "d" + Hash(creditorId + "\n" + debtorId);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32].ToLowerInvariant();
}
