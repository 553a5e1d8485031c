using Microsoft.Extensions.Logging;
using Receivables.Hosting;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Payments;

/// <summary>
/// Handles the Event Grid BlobCreated message of the payments container: one uploaded bank file version is imported
/// or rejected. Idempotent on blob name + ETag, on content and per transaction (see <see cref="PaymentImporter"/>).
/// </summary>
public sealed class PaymentsUploadedHandler(PaymentImporter importer, ILogger<PaymentsUploadedHandler> logger) : IQueueHandler<BlobCreatedEvent>
{
    public string Queue => StorageNames.Queues.PaymentsUploaded;

    /// <summary>The Event Grid event (Event Grid schema, one event or an array of one).</summary>
    public BlobCreatedEvent Read(string body, QueueDelivery delivery) => BlobCreatedEvent.Parse(body);

    public async Task HandleAsync(BlobCreatedEvent message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var (container, blobName) = message.Blob;
        if (message.EventType != BlobCreatedEvent.Type || container != StorageNames.Containers.Payments || PaymentImporter.IsOutput(blobName))
        {
            logger.LogInformation("Ignoring {EventType} for {Container}/{Blob}", message.EventType, container, blobName);
            return;
        }

        await importer.ImportAsync(blobName, message.Data.ETag, cancellationToken);
    }
}
