using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Receivables.Common;

namespace Receivables.Storage;

/// <summary>
/// Clients for the app's storage account, built from the <see cref="StorageNames.Connection"/> setting the same
/// way the Functions runtime reads it: either a connection string (Azurite, local) or identity-based
/// <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c> with <c>__credential=managedidentity</c>
/// and <c>__clientId</c>.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>Queue clients use base64 message encoding, as the Functions queue trigger expects by default.</summary>
    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[StorageNames.Connection];
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new BlobServiceClient(connectionString),
                new QueueServiceClient(connectionString, queueOptions),
                new TableServiceClient(connectionString));
        }

        var section = configuration.GetSection(StorageNames.Connection);
        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(queueUri) || string.IsNullOrWhiteSpace(tableUri))
        {
            throw new ReceivablesException(
                $"Setting '{StorageNames.Connection}' is missing: set it to a storage connection string (Azurite locally) " +
                $"or set '{StorageNames.Connection}__blobServiceUri', '__queueServiceUri' and '__tableServiceUri' for a managed identity.");
        }

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(section["clientId"]))
            : new DefaultAzureCredential();
        return new StorageClients(
            new BlobServiceClient(new Uri(blobUri), credential),
            new QueueServiceClient(new Uri(queueUri), credential, queueOptions),
            new TableServiceClient(new Uri(tableUri), credential));
    }

    /// <summary>Creates every container, queue (and its poison queue) and table the app uses. Safe to repeat.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in StorageNames.Containers.All)
        {
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var queue in StorageNames.Queues.All)
        {
            await Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Queue(StorageNames.Queues.Poison(queue)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in StorageNames.Tables.All)
        {
            await Table(table).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
