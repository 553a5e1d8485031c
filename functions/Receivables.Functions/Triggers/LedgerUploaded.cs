using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Hosting.Storage;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>Ledger files uploaded to the ledger container (Event Grid BlobCreated, delivered to this queue).</summary>
public sealed class LedgerUploaded(LedgerUploadedHandler handler)
{
    [Function(nameof(LedgerUploaded))]
    public Task Run([QueueTrigger(StorageNames.Queues.LedgerUploaded, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
