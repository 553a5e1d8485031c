using Azure;
using Azure.Data.Tables;
using Receivables.Storage;

namespace Receivables.DebtorPage.Storage;

/// <summary>Links in the <see cref="StorageNames.Tables.DebtorLinks"/> table: partition = link id (random), one row each.</summary>
public sealed class TableDebtorLinkStore(StorageClients storage) : IDebtorLinkStore
{
    private const string Row = "link";

    private TableClient Table => storage.Table(StorageNames.Tables.DebtorLinks);

    public Task AddAsync(DebtorLink link, CancellationToken cancellationToken = default) =>
        Table.AddEntityAsync(new TableEntity(link.TokenId, Row)
        {
            ["CreditorId"] = link.CreditorId,
            ["DebtorId"] = link.DebtorId,
            ["CaseId"] = link.CaseId,
            ["IssuedAt"] = link.IssuedAt,
            ["ExpiresAt"] = link.ExpiresAt,
            ["Purpose"] = link.Purpose,
        }, cancellationToken);

    public async Task<DebtorLink?> GetAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(tokenId, Row, cancellationToken: cancellationToken);
        return response.HasValue ? ToLink(response.Value!) : null;
    }

    public async Task<bool> RevokeAsync(string tokenId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(tokenId, Row, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return false;
        }

        var entity = response.Value!;
        if (entity.GetDateTimeOffset("RevokedAt") is null)
        {
            entity["RevokedAt"] = at;
            try
            {
                await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                return await RevokeAsync(tokenId, at, cancellationToken);
            }
        }

        return true;
    }

    public async IAsyncEnumerable<DebtorLink> ListAsync(string creditorId, string debtorId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"CreditorId eq {creditorId} and DebtorId eq {debtorId}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToLink(entity);
        }
    }

    private static DebtorLink ToLink(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("CreditorId") ?? "",
        e.GetString("DebtorId") ?? "",
        e.GetString("CaseId") ?? "",
        e.GetDateTimeOffset("IssuedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("RevokedAt"),
        e.GetString("Purpose") ?? "");
}
