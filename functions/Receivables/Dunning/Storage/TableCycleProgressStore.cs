using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Receivables.Storage;

namespace Receivables.Dunning.Storage;

/// <summary>
/// Cycle progress in the <see cref="StorageNames.Tables.Runs"/> table: one small partition per creditor, date and run
/// (<c>cycle|creditor|yyyy-MM-dd|run</c>) with a <c>plan</c> row, a <c>shard-NNN</c> row per finished shard (each shard
/// writes only its own row, so shards never contend) and a <c>complete</c> row claimed once; plus the pointer
/// <c>creditor / cycle-latest</c>.
/// </summary>
internal sealed class TableCycleProgressStore(StorageClients storage) : ICycleProgressStore
{
    private const string LatestRow = "cycle-latest";
    private const string PlanRow = "plan";
    private const string CompleteRow = "complete";

    private TableClient Runs => storage.Table(StorageNames.Tables.Runs);

    public async Task<(DateOnly Date, int Run)?> GetLatestAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var response = await Runs.GetEntityIfExistsAsync<TableEntity>(creditorId, LatestRow, cancellationToken: cancellationToken);
        return response.HasValue && TableKeys.ParseDate(response.Value!.GetString("Date")) is { } date ? (date, response.Value.GetInt32("Run") ?? 1) : null;
    }

    public async Task<(CyclePlan Plan, bool Created)> AddPlanAsync(CyclePlan plan, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition(plan.CreditorId, plan.Date, plan.Run), PlanRow)
        {
            ["CreditorId"] = plan.CreditorId,
            ["Date"] = TableKeys.Date(plan.Date),
            ["Run"] = plan.Run,
            ["Shards"] = plan.Shards,
            ["SnapshotId"] = plan.SnapshotId,
            ["Changed"] = plan.Changed,
            ["PlannedAt"] = plan.PlannedAt,
            ["Enqueued"] = false,
            ["RunStateVersion"] = plan.RunStateVersion,
        };
        try
        {
            await Runs.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await Runs.GetEntityAsync<TableEntity>(entity.PartitionKey, PlanRow, cancellationToken: cancellationToken);
            return (ToPlan(existing.Value), false);
        }

        await Runs.UpsertEntityAsync(new TableEntity(plan.CreditorId, LatestRow) { ["Date"] = TableKeys.Date(plan.Date), ["Run"] = plan.Run }, TableUpdateMode.Replace, cancellationToken);
        return (plan, true);
    }

    public Task MarkEnqueuedAsync(CyclePlan plan, CancellationToken cancellationToken = default) =>
        Runs.UpdateEntityAsync(new TableEntity(Partition(plan.CreditorId, plan.Date, plan.Run), PlanRow) { ["Enqueued"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<CycleProgress?> GetAsync(string creditorId, DateOnly date, int run, CancellationToken cancellationToken = default)
    {
        CyclePlan? plan = null;
        var shards = new List<ShardProgress>();
        var completed = false;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(creditorId, date, run)}");
        await foreach (var e in Runs.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (e.RowKey == PlanRow)
            {
                plan = ToPlan(e);
            }
            else if (e.RowKey == CompleteRow)
            {
                completed = e.GetString("State") == "done";
            }
            else
            {
                shards.Add(ToShard(e));
            }
        }

        return plan is null ? null : new CycleProgress(plan, shards.OrderBy(s => s.Shard).ToList(), completed);
    }

    public async Task<ShardProgress?> GetShardAsync(DunningShardMessage shard, CancellationToken cancellationToken = default)
    {
        var response = await Runs.GetEntityIfExistsAsync<TableEntity>(Partition(shard.CreditorId, shard.Date, shard.Run), ShardRow(shard.Shard), cancellationToken: cancellationToken);
        return response.HasValue ? ToShard(response.Value!) : null;
    }

    public Task SaveShardAsync(DunningShardMessage shard, ShardProgress progress, CancellationToken cancellationToken = default) =>
        Runs.UpsertEntityAsync(
            new TableEntity(Partition(shard.CreditorId, shard.Date, shard.Run), ShardRow(shard.Shard))
            {
                ["Shard"] = progress.Shard,
                ["State"] = progress.State,
                ["Considered"] = progress.Considered,
                ["Queued"] = progress.Queued,
                ["FailedTries"] = progress.FailedTries,
                ["Error"] = progress.Error is { Length: > 2000 } text ? text[..2000] : progress.Error,
                ["Skipped"] = progress.Skipped,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<bool> TryClaimCompletionAsync(string creditorId, DateOnly date, int run, string holder, DateTimeOffset now, TimeSpan claim, CancellationToken cancellationToken = default)
    {
        var partition = Partition(creditorId, date, run);
        var entity = new TableEntity(partition, CompleteRow) { ["State"] = "running", ["Holder"] = holder, ["ClaimedUntil"] = now + claim };
        try
        {
            await Runs.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = (await Runs.GetEntityAsync<TableEntity>(partition, CompleteRow, cancellationToken: cancellationToken)).Value;
            if (existing.GetString("State") == "done" || (existing.GetDateTimeOffset("ClaimedUntil") > now && existing.GetString("Holder") != holder))
            {
                return false;
            }

            try
            {
                await Runs.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException again) when (again.Status == 412)
            {
                return false;
            }
        }
    }

    public Task MarkCompletedAsync(string creditorId, DateOnly date, int run, CancellationToken cancellationToken = default) =>
        Runs.UpsertEntityAsync(new TableEntity(Partition(creditorId, date, run), CompleteRow) { ["State"] = "done" }, TableUpdateMode.Replace, cancellationToken);

    private static string Partition(string creditorId, DateOnly date, int run) =>
        string.Create(CultureInfo.InvariantCulture, $"cycle|{creditorId}|{TableKeys.Date(date)}|{run}");

    private static string ShardRow(int shard) => string.Create(CultureInfo.InvariantCulture, $"shard-{shard:D3}");

    private static CyclePlan ToPlan(TableEntity e) => new(
        e.GetString("CreditorId") ?? "",
        TableKeys.ParseDate(e.GetString("Date")) ?? default,
        e.GetInt32("Run") ?? 1,
        e.GetInt32("Shards") ?? 1,
        e.GetString("SnapshotId") ?? "",
        e.GetBoolean("Changed") ?? false,
        e.GetDateTimeOffset("PlannedAt") ?? default,
        e.GetBoolean("Enqueued") ?? false,
        e.GetString("RunStateVersion"));

    private static ShardProgress ToShard(TableEntity e) => new(
        e.GetInt32("Shard") ?? 0,
        e.GetString("State") ?? "",
        e.GetInt32("Considered") ?? 0,
        e.GetInt32("Queued") ?? 0,
        e.GetInt32("FailedTries") ?? 0,
        e.GetString("Error"),
        e.GetInt32("Skipped") ?? 0);
}
