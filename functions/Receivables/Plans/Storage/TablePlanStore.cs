using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Plans.Storage;

/// <summary>
/// Plans in the <see cref="StorageNames.Tables.Plans"/> table: partition = creditor, row = plan id; the plan as JSON
/// plus the columns a query filters on (debtor, status).
/// </summary>
public sealed class TablePlanStore(StorageClients storage) : IPlanStore
{
    private TableClient Table => storage.Table(StorageNames.Tables.Plans);

    public async Task<RepaymentPlan> AddAsync(RepaymentPlan plan, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(plan), cancellationToken);
            plan.ETag = response.Headers.ETag?.ToString();
            return plan;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await GetAsync(plan.CreditorId, plan.PlanId, cancellationToken))!;
        }
    }

    public async Task<RepaymentPlan?> GetAsync(string creditorId, string planId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, planId, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task SaveAsync(RepaymentPlan plan, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(plan), plan.ETag is null ? ETag.All : new ETag(plan.ETag), TableUpdateMode.Replace, cancellationToken);
            plan.ETag = response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new PlanConflictException(plan.PlanId);
        }
    }

    public async IAsyncEnumerable<RepaymentPlan> ListAsync(string? creditorId = null, string? debtorId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filters = new List<string>();
        if (creditorId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"));
        }

        if (debtorId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"DebtorId eq {debtorId}"));
        }

        await foreach (var entity in Table.QueryAsync<TableEntity>(filters.Count == 0 ? null : string.Join(" and ", filters), cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    private static TableEntity ToEntity(RepaymentPlan plan) => new(plan.CreditorId, plan.PlanId)
    {
        ["DebtorId"] = plan.DebtorId,
        ["Status"] = plan.Status.ToString(),
        ["Plan"] = JsonSerializer.Serialize(plan, Json.Options),
    };

    private static RepaymentPlan FromEntity(TableEntity entity)
    {
        var plan = JsonSerializer.Deserialize<RepaymentPlan>(entity.GetString("Plan") ?? "{}", Json.Options)
            ?? throw new ReceivablesException($"Plan {entity.RowKey} of {entity.PartitionKey} is unreadable.");
        plan.ETag = entity.ETag.ToString();
        return plan;
    }
}
