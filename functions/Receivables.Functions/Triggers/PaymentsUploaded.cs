using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Hosting.Storage;
using Receivables.Payments;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>Bank files uploaded to the payments container (Event Grid BlobCreated, delivered to this queue).</summary>
public sealed class PaymentsUploaded(PaymentsUploadedHandler handler)
{
    [Function(nameof(PaymentsUploaded))]
    public Task Run([QueueTrigger(StorageNames.Queues.PaymentsUploaded, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
