// Mirrors Microsoft.Azure.Functions.Worker.QueueTriggerAttribute
// (Azure/azure-functions-dotnet-worker: extensions/Worker.Extensions.Storage.Queues/src/QueueTriggerAttribute.cs).
// The extension binds Azure.Storage.Queues.Models.QueueMessage, which comes from the real Azure.Storage.Queues package.
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

public sealed class QueueTriggerAttribute : TriggerBindingAttribute
{
    public QueueTriggerAttribute(string queueName) => throw null!;

    public string QueueName => throw null!;

    public string? Connection { get; set; }
}
