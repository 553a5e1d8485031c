using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Receivables.Hosting;
using Receivables.Hosting.Storage;
using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>
/// Consumes one queue with the Functions queue trigger's semantics: a batch at a time, delete on success, visible
/// again after a failure, and moved to <c>&lt;queue&gt;-poison</c> once a message has failed <c>MaxDequeueCount</c> times.
/// <paramref name="handle"/> is what the Functions trigger of the queue calls (<see cref="QueueDispatch.HandleAsync{TMessage}"/>).
/// </summary>
public sealed class QueueConsumer(
    string queueName,
    Func<QueueMessage, CancellationToken, Task> handle,
    StorageClients storage,
    LocalQueueOptions options,
    ILogger<QueueConsumer> logger)
{
    /// <summary>A consumer that hands each message to <paramref name="handler"/>, typed, as the Functions trigger does.</summary>
    public static QueueConsumer For<TMessage>(IQueueHandler<TMessage> handler, StorageClients storage, LocalQueueOptions options, ILogger<QueueConsumer> logger) =>
        new(handler.Queue, handler.HandleAsync, storage, options, logger);

    public string Queue => queueName;

    /// <summary>Processes what is visible now; returns how many messages were handled (succeeded or failed).</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var queue = storage.Queue(queueName);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(options.BatchSize, options.VisibilityTimeout, cancellationToken);
        foreach (var message in messages)
        {
            await ProcessAsync(queue, message, cancellationToken);
        }

        return messages.Length;
    }

    /// <summary>Drains the queue until it is empty (messages whose retry delay has not passed are left).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int handled;
        while ((handled = await DrainOnceAsync(cancellationToken)) > 0)
        {
            total += handled;
        }

        return total;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var handled = await DrainOnceAsync(cancellationToken);
                delay = handled > 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Polling {Queue} failed", queueName);
            }

            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await handle(message, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                logger.LogError(e, "Message {MessageId} on {Queue} failed {DequeueCount} times; moving it to the poison queue", message.MessageId, queueName, message.DequeueCount);
                await storage.Queue(StorageNames.Queues.Poison(queueName)).SendMessageAsync(message.Body.ToString(), cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
            else
            {
                logger.LogWarning(e, "Message {MessageId} on {Queue} failed (try {DequeueCount}); it will be retried", message.MessageId, queueName, message.DequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.RetryDelay, cancellationToken: cancellationToken);
            }
        }
    }
}
