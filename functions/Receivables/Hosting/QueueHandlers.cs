namespace Receivables.Hosting;

/// <summary>What the queue runtime tells a handler about one delivery of a message.</summary>
public sealed record QueueDelivery(string MessageId, long DequeueCount, DateTimeOffset? InsertedOn);

/// <summary>
/// A handler for one queue. Both hosts call it: a Functions <c>[QueueTrigger]</c> one-liner in Azure, the local host's
/// queue consumer on one machine. Delivery is at least once, so every handler is idempotent; throwing makes the
/// runtime retry, and after <see cref="Storage.StorageNames.Queues.MaxDequeueCount"/> tries the message goes to the poison queue.
/// </summary>
public interface IQueueHandler
{
    string Queue { get; }

    Task HandleAsync(string body, QueueDelivery delivery, CancellationToken cancellationToken);
}
