using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>
/// What Event Grid does in Azure, on one machine: finds new blobs in the ledger container and sends the same
/// BlobCreated event to the ledger queue, once per blob version (remembered in the Runs table).
/// </summary>
public sealed class LedgerWatcher(StorageClients storage, IMessageQueue queue, TimeProvider time, ILogger<LedgerWatcher> logger) : BackgroundService
{
    private const string Partition = "ledger-watch";

    /// <summary>Scans once; returns how many new blobs were announced.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var container = storage.Container(StorageNames.Containers.Ledger);
        var seen = storage.Table(StorageNames.Tables.Runs);
        var announced = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (LedgerUploadedHandler.IsOutput(blob.Name))
            {
                continue;
            }

            var key = Key(blob.Name, blob.Properties.ETag?.ToString() ?? "");
            try
            {
                await seen.AddEntityAsync(new TableEntity(Partition, key) { ["Blob"] = blob.Name }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                continue;
            }

            var client = container.GetBlobClient(blob.Name);
            var message = BlobCreatedEvent.For(client.Uri, container.Name, blob.Name, blob.Properties.ETag?.ToString() ?? "", blob.Properties.ContentLength ?? 0, blob.Properties.ContentType, time.GetUtcNow());
            await queue.SendAsync(StorageNames.Queues.LedgerUploaded, message, cancellationToken: cancellationToken);
            logger.LogInformation("Ledger blob {Blob} announced", blob.Name);
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
                logger.LogError(e, "Scanning the ledger container failed");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    private static string Key(string name, string eTag) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name + "\n" + eTag)));
}
