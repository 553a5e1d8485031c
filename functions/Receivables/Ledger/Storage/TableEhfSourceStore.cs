using Azure;
using Azure.Data.Tables;
using Receivables.Storage;

namespace Receivables.Ledger.Storage;

/// <summary>
/// EHF source pointers in the <c>Ledgers</c> table: partition <c>ehf-&lt;creditor&gt;</c>, one row per document number
/// (escaped, as a key may not hold / \ # ?). The EHF file itself is not copied: it stays where it was uploaded.
/// </summary>
public sealed class TableEhfSourceStore(StorageClients storage) : IEhfSourceStore
{
    private TableClient Table => storage.Table(StorageNames.Tables.Ledgers);

    public async Task RecordAsync(EhfSource source, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(source.CreditorId), Key(source.DocumentNumber), cancellationToken: cancellationToken);
            var existing = response.HasValue ? response.Value : null;
            if (existing is not null && existing.GetDateTimeOffset("UploadedAt") is { } at && at > source.UploadedAt)
            {
                return;
            }

            var entity = new TableEntity(Partition(source.CreditorId), Key(source.DocumentNumber))
            {
                ["DocumentNumber"] = source.DocumentNumber,
                ["Blob"] = source.BlobName,
                ["BlobETag"] = source.ETag,
                ["UploadedAt"] = source.UploadedAt,
            };
            try
            {
                if (existing is null)
                {
                    await Table.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await Table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 3)
            {
                // Another import of the same number got there first: read again and compare.
            }
        }
    }

    public async Task<EhfSource?> FindAsync(string creditorId, string documentNumber, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(creditorId), Key(documentNumber), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e
            ? new EhfSource(creditorId, e.GetString("DocumentNumber"), e.GetString("Blob"), e.GetString("BlobETag"), e.GetDateTimeOffset("UploadedAt") ?? DateTimeOffset.MinValue)
            : null;
    }

    private static string Partition(string creditorId) => "ehf-" + creditorId;

    private static string Key(string documentNumber) => Uri.EscapeDataString(documentNumber);
}
