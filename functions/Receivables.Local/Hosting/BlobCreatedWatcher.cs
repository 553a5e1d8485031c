using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>
/// What Event Grid does in Azure, on one machine: finds new blobs in a container and sends the BlobCreated event to its
/// queue, once per blob version (remembered in the Runs table under <see cref="Partition"/>). Files the product writes
/// itself into the container (<see cref="IsOutput"/>) are not announced.
/// </summary>
public abstract class BlobCreatedWatcher(StorageClients storage, IMessageQueue queue, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The container watched.</summary>
    protected abstract string Container { get; }

    /// <summary>The queue the BlobCreated events go to.</summary>
    protected abstract string Queue { get; }

    /// <summary>The Runs table partition that remembers announced blob versions.</summary>
    protected abstract string Partition { get; }

    /// <summary>What a log line calls one blob ("Ledger blob", "Payment file").</summary>
    protected abstract string What { get; }

    /// <summary>Whether the blob is one the product wrote (a report, an outcome), not an upload.</summary>
    protected abstract bool IsOutput(string blobName);

    /// <summary>Scans once; returns how many new blobs were announced.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var container = storage.Container(Container);
        var seen = storage.Table(StorageNames.Tables.Runs);
        var announced = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (IsOutput(blob.Name))
            {
                continue;
            }

            var eTag = blob.Properties.ETag?.ToString() ?? "";
            try
            {
                await seen.AddEntityAsync(new TableEntity(Partition, Key(blob.Name, eTag)) { ["Blob"] = blob.Name }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                continue;
            }

            var message = BlobCreatedEvent.For(container.GetBlobClient(blob.Name).Uri, container.Name, blob.Name, eTag, blob.Properties.ContentLength ?? 0, blob.Properties.ContentType, time.GetUtcNow());
            await queue.SendAsync(Queue, message, cancellationToken: cancellationToken);
            logger.LogInformation("{What} {Blob} announced", What, blob.Name);
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
                logger.LogError(e, "Scanning the {Container} container failed", Container);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    private static string Key(string name, string eTag) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name + "\n" + eTag)));
}
