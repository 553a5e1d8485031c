namespace Receivables.Hosting;

/// <summary>What the queue runtime tells a handler about one delivery of a message.</summary>
public sealed record QueueDelivery(string MessageId, long DequeueCount, DateTimeOffset? InsertedOn);
