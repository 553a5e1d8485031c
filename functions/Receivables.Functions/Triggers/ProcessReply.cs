using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Receivables.Hosting.Storage;
using Receivables.Replies;
using Receivables.Storage;

namespace Receivables.Functions.Triggers;

/// <summary>A debtor's reply stored by the inbound-email webhook.</summary>
public sealed class ProcessReply(ReplyProcessor handler)
{
    [Function(nameof(ProcessReply))]
    public Task Run([QueueTrigger(StorageNames.Queues.ProcessReply, Connection = StorageNames.Connection)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
