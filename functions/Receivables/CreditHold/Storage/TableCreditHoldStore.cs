using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Receivables.Storage;

namespace Receivables.CreditHold.Storage;

/// <summary>Credit-hold rows in <see cref="StorageNames.Tables.CreditHolds"/>: partition creditor, row debtor; dates as yyyy-MM-dd.</summary>
public sealed class TableCreditHoldStore(StorageClients storage) : ICreditHoldStore
{
    private TableClient Table => storage.Table(StorageNames.Tables.CreditHolds);

    public async Task<CreditHoldRecord?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, debtorId, cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    public async IAsyncEnumerable<CreditHoldRecord> ListAsync(string creditorId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"), cancellationToken: cancellationToken))
        {
            yield return ToRecord(row);
        }
    }

    public async Task<bool> TrySaveAsync(CreditHoldRecord record, CancellationToken cancellationToken = default)
    {
        var entity = ToEntity(record);
        try
        {
            if (record.Version is null)
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(entity, new ETag(record.Version), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task MarkDeliveredAsync(string creditorId, string debtorId, CreditHoldFlag flag, CancellationToken cancellationToken = default) =>
        Table.UpdateEntityAsync(new TableEntity(creditorId, debtorId) { [flag.ToString()] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    private static TableEntity ToEntity(CreditHoldRecord r) => new(r.CreditorId, r.DebtorId)
    {
        ["HoldId"] = r.HoldId,
        ["Held"] = r.Held,
        ["Holds"] = r.Holds,
        ["RaisedOn"] = r.RaisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["RaisedAt"] = r.RaisedAt,
        ["LiftedOn"] = r.LiftedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["LiftedAt"] = r.LiftedAt,
        ["Reason"] = r.Reason,
        ["LiftReason"] = r.LiftReason,
        ["OverdueAmount"] = r.OverdueAmount.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = r.Currency,
        ["DebtorName"] = r.DebtorName,
        ["OrgNumber"] = r.OrgNumber,
        [nameof(CreditHoldFlag.HoldQueued)] = r.HoldQueued,
        [nameof(CreditHoldFlag.HoldPosted)] = r.HoldPosted,
        [nameof(CreditHoldFlag.LiftQueued)] = r.LiftQueued,
        [nameof(CreditHoldFlag.LiftPosted)] = r.LiftPosted,
    };

    private static CreditHoldRecord ToRecord(TableEntity e) => new()
    {
        CreditorId = e.PartitionKey,
        DebtorId = e.RowKey,
        HoldId = e.GetString("HoldId") ?? "",
        Held = e.GetBoolean("Held") == true,
        Holds = e.GetInt32("Holds") ?? 0,
        RaisedOn = DateOnly.ParseExact(e.GetString("RaisedOn") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        RaisedAt = e.GetDateTimeOffset("RaisedAt"),
        LiftedOn = e.GetString("LiftedOn") is { } lifted ? DateOnly.ParseExact(lifted, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        LiftedAt = e.GetDateTimeOffset("LiftedAt"),
        Reason = e.GetString("Reason") ?? "",
        LiftReason = e.GetString("LiftReason"),
        OverdueAmount = decimal.Parse(e.GetString("OverdueAmount") ?? "0", CultureInfo.InvariantCulture),
        Currency = e.GetString("Currency") ?? "NOK",
        DebtorName = e.GetString("DebtorName"),
        OrgNumber = e.GetString("OrgNumber"),
        HoldQueued = e.GetBoolean(nameof(CreditHoldFlag.HoldQueued)) == true,
        HoldPosted = e.GetBoolean(nameof(CreditHoldFlag.HoldPosted)) == true,
        LiftQueued = e.GetBoolean(nameof(CreditHoldFlag.LiftQueued)) == true,
        LiftPosted = e.GetBoolean(nameof(CreditHoldFlag.LiftPosted)) == true,
        Version = e.ETag.ToString(),
    };
}
