using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Functions.Hosting;
using Receivables.Hosting;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>Ledger files uploaded to the ledger container (Event Grid BlobCreated, delivered to this queue).</summary>
public sealed class LedgerUploaded(IEnumerable<IQueueHandler> handlers)
{
    [Function(nameof(LedgerUploaded))]
    public Task Run([QueueTrigger(StorageNames.Queues.LedgerUploaded, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handlers.DispatchAsync(StorageNames.Queues.LedgerUploaded, message, cancellationToken);
}
