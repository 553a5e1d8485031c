using Microsoft.Extensions.Logging;
using Receivables.Hosting;
using Receivables.Storage;

namespace Receivables.Ledger;

/// <summary>
/// Handles the Event Grid BlobCreated message of the ledger container: one uploaded file version becomes the
/// creditor's next snapshot or is rejected. Idempotent on blob name + ETag (and on content, see <see cref="LedgerIngestor"/>).
/// </summary>
public sealed class LedgerUploadedHandler(LedgerIngestor ingestor, ILogger<LedgerUploadedHandler> logger) : IQueueHandler<BlobCreatedEvent>
{
    public string Queue => StorageNames.Queues.LedgerUploaded;

    /// <summary>The Event Grid event (Event Grid schema, one event or an array of one).</summary>
    public BlobCreatedEvent Read(string body, QueueDelivery delivery) => BlobCreatedEvent.Parse(body);

    public async Task HandleAsync(BlobCreatedEvent message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var (container, blobName) = message.Blob;
        if (message.EventType != BlobCreatedEvent.Type || container != StorageNames.Containers.Ledger || IsOutput(blobName))
        {
            logger.LogInformation("Ignoring {EventType} for {Container}/{Blob}", message.EventType, container, blobName);
            return;
        }

        await ingestor.IngestAsync(blobName, message.Data.ETag, cancellationToken);
    }

    /// <summary>Files the ledger feature writes itself (rejection reports), which are not uploads, and payables files (set-off).</summary>
    public static bool IsOutput(string blobName) =>
        blobName.Contains("/payables/", StringComparison.Ordinal)
        || blobName.Contains("/rejected/", StringComparison.Ordinal) || blobName.StartsWith("rejected/", StringComparison.Ordinal)
        || blobName.EndsWith(".errors.txt", StringComparison.Ordinal);
}
