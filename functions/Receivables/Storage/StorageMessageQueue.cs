using System.Text.Json;

namespace Receivables.Storage;

public sealed class StorageMessageQueue(StorageClients storage) : IMessageQueue
{
    public async Task SendAsync<T>(string queue, T message, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(message, Json.Options);
        await storage.Queue(queue).SendMessageAsync(body, visibilityDelay, cancellationToken: cancellationToken);
    }
}
