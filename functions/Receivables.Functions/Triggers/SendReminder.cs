using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Dunning;
using Receivables.Hosting.Storage;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>One reminder decided by the dunning cycle, sent exactly once.</summary>
public sealed class SendReminder(SendReminderHandler handler)
{
    [Function(nameof(SendReminder))]
    public Task Run([QueueTrigger(StorageNames.Queues.SendReminder, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
