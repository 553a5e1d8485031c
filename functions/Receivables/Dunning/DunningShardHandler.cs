using Receivables.Hosting;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>
/// The <see cref="StorageNames.Queues.DunningShard"/> queue: one shard of one creditor's day per message. A failure is
/// recorded on the cycle's progress and thrown, so the runtime retries the message and, after
/// <see cref="StorageNames.Queues.MaxDequeueCount"/> tries, moves it to the poison queue (the shard then counts as failed
/// and the creditor's completion waits; the next day's cycle catches its cases up).
/// </summary>
public sealed class DunningShardHandler(DunningShardRunner runner) : IQueueHandler<DunningShardMessage>
{
    public string Queue => StorageNames.Queues.DunningShard;

    public async Task HandleAsync(DunningShardMessage message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            // A debtor that fails is retried with the shard; on the last try it is skipped (a task, the status) and the shard is done.
            await runner.RunAsync(message, delivery.MessageId, again: false, cancellationToken, skipFailures: delivery.DequeueCount >= StorageNames.Queues.MaxDequeueCount);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await runner.RecordFailureAsync(message, delivery.DequeueCount, delivery.DequeueCount >= StorageNames.Queues.MaxDequeueCount, e, CancellationToken.None);
            throw;
        }
    }
}
