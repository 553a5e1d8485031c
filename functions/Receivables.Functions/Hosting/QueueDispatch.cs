using Azure.Storage.Queues.Models;
using Receivables.Hosting;

namespace Receivables.Functions.Hosting;

/// <summary>Hands a queue message to the library's <see cref="IQueueHandler"/> for that queue, as the local host's consumer does.</summary>
public static class QueueDispatch
{
    public static Task DispatchAsync(this IEnumerable<IQueueHandler> handlers, string queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var handler = handlers.FirstOrDefault(h => h.Queue == queue)
            ?? throw new InvalidOperationException($"No IQueueHandler is registered for queue '{queue}'; AddReceivables must register one.");
        return handler.DispatchAsync(message, cancellationToken);
    }

    /// <summary>Hands a queue message to one typed handler (its function binds the handler itself).</summary>
    public static Task DispatchAsync(this IQueueHandler handler, QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body.ToString(), new QueueDelivery(message.MessageId, message.DequeueCount, message.InsertedOn), cancellationToken);
}
