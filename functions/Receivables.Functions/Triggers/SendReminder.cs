using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Functions.Hosting;
using Receivables.Hosting;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>One reminder decided by the dunning cycle, sent exactly once.</summary>
public sealed class SendReminder(IEnumerable<IQueueHandler> handlers)
{
    [Function(nameof(SendReminder))]
    public Task Run([QueueTrigger(StorageNames.Queues.SendReminder, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handlers.DispatchAsync(StorageNames.Queues.SendReminder, message, cancellationToken);
}
