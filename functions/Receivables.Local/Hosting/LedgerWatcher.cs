using Microsoft.Extensions.Logging;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>Announces new ledger uploads (the ledger container) to the ledger queue, as Event Grid does in Azure.</summary>
public sealed class LedgerWatcher(StorageClients storage, IMessageQueue queue, TimeProvider time, ILogger<LedgerWatcher> logger)
    : BlobCreatedWatcher(storage, queue, time, logger)
{
    protected override string Container => StorageNames.Containers.Ledger;

    protected override string Queue => StorageNames.Queues.LedgerUploaded;

    protected override string Partition => "ledger-watch";

    protected override string What => "Ledger blob";

    protected override bool IsOutput(string blobName) => LedgerUploadedHandler.IsOutput(blobName);
}
