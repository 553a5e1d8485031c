using System.Text.Json;

namespace Receivables.Storage;

/// <summary>Sends a typed message to one of the app's queues (JSON body, base64 on the wire).</summary>
public interface IMessageQueue
{
    Task SendAsync<T>(string queue, T message, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default);
}

public sealed class StorageMessageQueue(StorageClients storage) : IMessageQueue
{
    public async Task SendAsync<T>(string queue, T message, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(message, Json.Options);
        await storage.Queue(queue).SendMessageAsync(body, visibilityDelay, cancellationToken: cancellationToken);
    }
}

/// <summary>The JSON settings of every message and stored document.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
