using System.Text.Json;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Hosting;

/// <summary>
/// The handler of one queue and its message record. Both hosts call it: a Functions <c>[QueueTrigger]</c> one-liner in
/// Azure, the local host's queue consumer on one machine. Delivery is at least once, so every handler is idempotent;
/// throwing makes the runtime retry, and after <see cref="Storage.StorageNames.Queues.MaxDequeueCount"/> tries the
/// message goes to the poison queue.
/// </summary>
public interface IQueueHandler<TMessage>
{
    /// <summary>The queue this handler consumes (a <see cref="Storage.StorageNames.Queues"/> name).</summary>
    string Queue { get; }

    /// <summary>The message record a body holds; by default the body's JSON.</summary>
    TMessage Read(string body, QueueDelivery delivery) =>
        JsonSerializer.Deserialize<TMessage>(body, Json.Options)
            ?? throw new ReceivablesException($"Message {delivery.MessageId} on {Queue} is empty.");

    Task HandleAsync(TMessage message, QueueDelivery delivery, CancellationToken cancellationToken);
}
