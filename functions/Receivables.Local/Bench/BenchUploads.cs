using System.Globalization;
using Azure.Storage.Blobs.Models;
using Receivables.Ledger;
using Receivables.Ledger.Storage;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Bench;

/// <summary>Uploads a ledger file as a user would and processes it through the real watcher, queue and importer.</summary>
internal static class BenchUploads
{
    public static async Task UploadAsync(LocalHost host, string name, string file, DateTimeOffset? takenAt, CancellationToken cancellationToken)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient(name);
        var options = new BlobUploadOptions();
        if (takenAt is { } at)
        {
            options.Metadata = new Dictionary<string, string> { [AzureLedgerStore.TakenAtMetadata] = at.ToString("O", CultureInfo.InvariantCulture) };
        }

        await using var upload = File.OpenRead(file);
        await blob.UploadAsync(upload, options, cancellationToken);
    }

    public static async Task<LedgerUploadOutcome> ProcessAsync(LocalHost host, string name, CancellationToken cancellationToken)
    {
        await host.Get<LedgerWatcher>().ScanAsync(cancellationToken);
        await host.Get<QueueConsumers>().DrainAllAsync(cancellationToken);
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient(name);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        return await host.Get<ILedgerStore>().GetOutcomeAsync(name, properties.Value.ETag.ToString(), cancellationToken)
            ?? throw new InvalidOperationException($"The upload {name} was not handled.");
    }
}
