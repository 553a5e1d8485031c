using Azure.Storage.Queues.Models;

namespace Receivables.Hosting.Storage;

/// <summary>Hands a storage queue message to its typed handler: the same call for the Functions trigger and the local consumer.</summary>
public static class QueueDispatch
{
    public static Task HandleAsync<TMessage>(this IQueueHandler<TMessage> handler, QueueMessage message, CancellationToken cancellationToken)
    {
        var delivery = new QueueDelivery(message.MessageId, message.DequeueCount, message.InsertedOn);
        return handler.HandleAsync(handler.Read(message.Body.ToString(), delivery), delivery, cancellationToken);
    }
}
