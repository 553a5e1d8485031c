using System.Globalization;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Ledger;
using Receivables.Ledger.Storage;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Bench;

/// <summary>
/// The benches' host: a local host on its own Azurite whose storage clients count every request; and uploads of a
/// ledger file as a user would make them, processed through the real watcher, queue and importer.
/// </summary>
internal static class BenchUploads
{
    /// <summary>A started host whose storage requests <paramref name="counter"/> counts; returns it and the first creditor's id.</summary>
    public static async Task<(LocalHost Host, string CreditorId)> StartHostAsync(StorageOperationCounter counter, string dataPath, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null, int? workspacePort = null, bool storageInMemory = false, TimeProvider? clock = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { [StorageNames.Connection] = "UseDevelopmentStorage=true" };
        if (workspacePort is { } port)
        {
            overrides["Receivables:Local:HttpPort"] = port.ToString(CultureInfo.InvariantCulture);
        }

        var host = await LocalHost.StartAsync(
            new LocalHostSettings
            {
                DataPath = dataPath,
                MinimumLogLevel = LogLevel.Warning,
                Overrides = overrides,
                Workspace = workspacePort is not null,
                StorageInMemory = storageInMemory,
                ConfigureServices = s =>
                {
                    s.RemoveAll<StorageClients>();
                    s.AddSingleton(sp => counter.Clients(sp.GetRequiredService<IConfiguration>()[StorageNames.Connection]!));
                    if (clock is not null)
                    {
                        s.RemoveAll<TimeProvider>();
                        s.AddSingleton(clock);
                    }
                },
            },
            cancellationToken);
        return (host, host.Get<IOptions<ReceivablesOptions>>().Value.Creditors.Keys.Order(StringComparer.Ordinal).First());
    }

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
