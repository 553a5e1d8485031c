namespace Receivables.Storage;

/// <summary>Sends a typed message to one of the app's queues (JSON body, base64 on the wire).</summary>
public interface IMessageQueue
{
    Task SendAsync<T>(string queue, T message, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default);
}
