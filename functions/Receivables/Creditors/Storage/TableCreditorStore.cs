using System.Text.Json;
using Azure.Data.Tables;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Creditors.Storage;

/// <summary>The registry in the <see cref="StorageNames.Tables.Creditors"/> table: partition <c>creditor</c>, row = id, the profile as JSON.</summary>
internal sealed class TableCreditorStore(StorageClients storage) : ICreditorStore
{
    private const string Partition = "creditor";

    private TableClient Table => storage.Table(StorageNames.Tables.Creditors);

    public async Task<IReadOnlyList<RegisteredCreditor>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<RegisteredCreditor>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            list.Add(ToCreditor(e));
        }

        return list;
    }

    public async Task<RegisteredCreditor?> GetAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, creditorId, cancellationToken: cancellationToken);
        return response.HasValue ? ToCreditor(response.Value!) : null;
    }

    public Task SaveAsync(RegisteredCreditor creditor, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(
            new TableEntity(Partition, creditor.Id)
            {
                ["Profile"] = JsonSerializer.Serialize(creditor.Profile, Json.Options),
                ["BusinessPolicy"] = creditor.BusinessPolicy,
                ["ConsumerPolicy"] = creditor.ConsumerPolicy,
                ["Retired"] = creditor.Retired,
                ["UpdatedAt"] = creditor.UpdatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private static RegisteredCreditor ToCreditor(TableEntity e) => new(
        e.RowKey,
        JsonSerializer.Deserialize<CreditorOptions>(e.GetString("Profile") ?? "{}", Json.Options) ?? new CreditorOptions(),
        e.GetString("BusinessPolicy"),
        e.GetString("ConsumerPolicy"),
        RegisteredCreditor.FromRegistry,
        e.GetBoolean("Retired") ?? false,
        e.GetDateTimeOffset("UpdatedAt"));
}
