using Microsoft.Extensions.Logging;
using Receivables.Payments;
using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>Announces new bank files (the payments container) to the payments queue, as Event Grid does in Azure.</summary>
public sealed class PaymentsWatcher(StorageClients storage, IMessageQueue queue, TimeProvider time, ILogger<PaymentsWatcher> logger)
    : BlobCreatedWatcher(storage, queue, time, logger)
{
    protected override string Container => StorageNames.Containers.Payments;

    protected override string Queue => StorageNames.Queues.PaymentsUploaded;

    protected override string Partition => "payments-watch";

    protected override string What => "Payment file";

    protected override bool IsOutput(string blobName) => PaymentImporter.IsOutput(blobName);
}
