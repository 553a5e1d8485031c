using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Receivables.Ledger;
using Receivables.Payments;
using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>
/// What Event Grid does in Azure, on one machine, for bank files: finds new blobs in the payments container and sends
/// the BlobCreated event to the payments queue, once per blob version (remembered in the Runs table).
/// </summary>
public sealed class PaymentsWatcher(StorageClients storage, IMessageQueue queue, TimeProvider time, ILogger<PaymentsWatcher> logger) : BackgroundService
{
    private const string Partition = "payments-watch";

    /// <summary>Scans once; returns how many new blobs were announced.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var container = storage.Container(StorageNames.Containers.Payments);
        var seen = storage.Table(StorageNames.Tables.Runs);
        var announced = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (PaymentImporter.IsOutput(blob.Name))
            {
                continue;
            }

            var eTag = blob.Properties.ETag?.ToString() ?? "";
            var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blob.Name + "\n" + eTag)));
            try
            {
                await seen.AddEntityAsync(new TableEntity(Partition, key) { ["Blob"] = blob.Name }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                continue;
            }

            var message = BlobCreatedEvent.For(container.GetBlobClient(blob.Name).Uri, container.Name, blob.Name, eTag, blob.Properties.ContentLength ?? 0, blob.Properties.ContentType, time.GetUtcNow());
            await queue.SendAsync(StorageNames.Queues.PaymentsUploaded, message, cancellationToken: cancellationToken);
            logger.LogInformation("Payment file {Blob} announced", blob.Name);
            announced++;
        }

        return announced;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scanning the payments container failed");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }
}
