using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>Settings of the local queue consumers, mirroring host.json's <c>extensions.queues</c>.</summary>
public sealed class LocalQueueOptions
{
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a received message stays invisible while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before a failed message is visible again (host.json visibilityTimeout; Functions' default 0).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.Zero;

    public int MaxDequeueCount { get; init; } = StorageNames.Queues.MaxDequeueCount;

    public int BatchSize { get; init; } = 16;

    /// <summary>
    /// How many consumers work the dunning-shard queue at once (as several Functions instances would); each takes one
    /// shard at a time. <c>Receivables:Local:Queues:ShardConsumers</c>.
    /// </summary>
    public int ShardConsumers { get; init; } = 2;
}
