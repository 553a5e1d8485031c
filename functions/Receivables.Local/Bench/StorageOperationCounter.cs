using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Receivables.Storage;

namespace Receivables.Local.Bench;

/// <summary>Counts the HTTP requests the storage clients make (one request = one storage operation, batches count once).</summary>
public sealed class StorageOperationCounter
{
    private long blobs;
    private long queues;
    private long tables;

    public long Blobs => Interlocked.Read(ref blobs);

    public long Queues => Interlocked.Read(ref queues);

    public long Tables => Interlocked.Read(ref tables);

    public long Total => Blobs + Queues + Tables;

    public void Reset()
    {
        Interlocked.Exchange(ref blobs, 0);
        Interlocked.Exchange(ref queues, 0);
        Interlocked.Exchange(ref tables, 0);
    }

    /// <summary>Storage clients for <paramref name="connectionString"/> that report every request to this counter.</summary>
    public StorageClients Clients(string connectionString)
    {
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(new Counting(() => Interlocked.Increment(ref blobs)), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(new Counting(() => Interlocked.Increment(ref queues)), HttpPipelinePosition.PerRetry);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(new Counting(() => Interlocked.Increment(ref tables)), HttpPipelinePosition.PerRetry);
        return new StorageClients(
            new BlobServiceClient(connectionString, blobOptions),
            new QueueServiceClient(connectionString, queueOptions),
            new TableServiceClient(connectionString, tableOptions));
    }

    private sealed class Counting(Func<long> count) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => count();
    }
}
