using Microsoft.Extensions.Logging;
using Receivables.Hosting;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Payments;

/// <summary>
/// Handles the Event Grid BlobCreated message of the payments container: one uploaded bank file version is imported
/// or rejected. Idempotent on blob name + ETag, on content and per transaction (see <see cref="PaymentImporter"/>).
/// </summary>
public sealed class PaymentsUploadedHandler(PaymentImporter importer, ILogger<PaymentsUploadedHandler> logger) : IQueueHandler
{
    public string Queue => StorageNames.Queues.PaymentsUploaded;

    public async Task HandleAsync(string body, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var message = BlobCreatedEvent.Parse(body);
        var (container, blobName) = message.Blob;
        if (message.EventType != BlobCreatedEvent.Type || container != StorageNames.Containers.Payments || PaymentImporter.IsOutput(blobName))
        {
            logger.LogInformation("Ignoring {EventType} for {Container}/{Blob}", message.EventType, container, blobName);
            return;
        }

        await importer.ImportAsync(blobName, message.Data.ETag, cancellationToken);
    }
}
