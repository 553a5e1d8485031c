using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Dunning;
using Receivables.Hosting.Storage;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>
/// One shard of one creditor's day, planned by <see cref="DunningTimer"/>. The platform scales instances with this
/// queue's length; host.json's <c>batchSize</c> and <c>newBatchThreshold</c> bound how many shards one instance works at
/// once (and <c>Receivables:Dunning:Scale:Parallelism</c> how many debtors within a shard).
/// </summary>
public sealed class DunningShard(DunningShardHandler handler)
{
    [Function(nameof(DunningShard))]
    public Task Run([QueueTrigger(StorageNames.Queues.DunningShard, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
