using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Functions.Hosting;
using Receivables.Hosting;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>A debtor's reply stored by the inbound-email webhook.</summary>
public sealed class ProcessReply(IEnumerable<IQueueHandler> handlers)
{
    [Function(nameof(ProcessReply))]
    public Task Run([QueueTrigger(StorageNames.Queues.ProcessReply, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handlers.DispatchAsync(StorageNames.Queues.ProcessReply, message, cancellationToken);
}
