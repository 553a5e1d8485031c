using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Receivables.Storage;

namespace Receivables.SetOff.Storage;

/// <summary>
/// Payables exports are blobs under <c>ledger/&lt;creditor&gt;/payables/</c>; proposals are rows of
/// <see cref="StorageNames.Tables.SetOffs"/> (partition creditor, row proposal id), updated with ETags.
/// </summary>
public sealed class TableSetOffStore(StorageClients storage) : ISetOffStore
{
    private TableClient Table => storage.Table(StorageNames.Tables.SetOffs);

    public async Task<PayablesFile?> ReadNewestPayablesAsync(string creditorId, string folder, CancellationToken cancellationToken)
    {
        var container = storage.Container(StorageNames.Containers.Ledger);
        BlobItem? newest = null;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, creditorId + "/" + folder, cancellationToken))
        {
            if (blob.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && (newest is null || blob.Properties.LastModified > newest.Properties.LastModified))
            {
                newest = blob;
            }
        }

        if (newest is null)
        {
            return null;
        }

        var content = await container.GetBlobClient(newest.Name).DownloadContentAsync(cancellationToken);
        return new PayablesFile(StorageNames.Containers.Ledger + "/" + newest.Name, content.Value.Content.ToString());
    }

    public async Task<SetOffProposal?> GetAsync(string creditorId, string proposalId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, proposalId, cancellationToken: cancellationToken);
        return response.HasValue ? ToProposal(response.Value!) : null;
    }

    public async IAsyncEnumerable<SetOffProposal> ListAsync(string creditorId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"), cancellationToken: cancellationToken))
        {
            yield return ToProposal(row);
        }
    }

    public async Task<(SetOffProposal Proposal, bool Created)> AddAsync(SetOffProposal proposal, DateTimeOffset proposedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(proposal.CreditorId, proposal.ProposalId)
        {
            ["DebtorId"] = proposal.DebtorId,
            ["SupplierId"] = proposal.SupplierId,
            ["Currency"] = proposal.Currency,
            ["Amount"] = proposal.Amount.ToString(CultureInfo.InvariantCulture),
            ["Receivables"] = proposal.ReceivableInvoices,
            ["Payables"] = proposal.PayableInvoices,
            ["Conditions"] = proposal.Conditions,
            ["DraftSubject"] = proposal.DraftSubject,
            ["DraftText"] = proposal.DraftText,
            ["State"] = proposal.State,
            ["TaskId"] = proposal.TaskId,
            ["SourceFile"] = proposal.SourceFile,
            ["ProposedAt"] = proposedAt,
        };
        var created = true;
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            created = false;
        }

        return ((await GetAsync(proposal.CreditorId, proposal.ProposalId, cancellationToken))!, created);
    }

    public async Task SetStateAsync(SetOffProposal proposal, string state, SetOffDecision decision, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(proposal.CreditorId, proposal.ProposalId) { ["State"] = state };
        if (state == SetOffStates.Approved)
        {
            entity["ApprovedBy"] = decision.Actor;
            entity["ApprovedAt"] = decision.At;
            entity["MessageId"] = decision.MessageId;
        }
        else
        {
            entity["DecidedBy"] = decision.Actor;
            entity["DecidedAt"] = decision.At;
        }

        var etag = proposal.Version is { } version ? new ETag(version) : ETag.All;
        await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, cancellationToken);
    }

    private static SetOffProposal ToProposal(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("DebtorId") ?? "",
        e.GetString("SupplierId") ?? "",
        e.GetString("Currency") ?? "",
        decimal.Parse(e.GetString("Amount") ?? "0", CultureInfo.InvariantCulture),
        e.GetString("Receivables") ?? "",
        e.GetString("Payables") ?? "",
        e.GetString("Conditions") ?? "",
        e.GetString("DraftSubject") ?? "",
        e.GetString("DraftText") ?? "",
        e.GetString("State") ?? "",
        e.GetString("TaskId"),
        e.GetString("SourceFile") ?? "")
    {
        Version = e.ETag.ToString(),
    };
}
