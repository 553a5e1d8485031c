namespace Receivables.Common;

public interface IInboundEmailWebhook
{
    /// <summary>SendGrid Inbound Parse. Returns 2xx only after the reply is safely stored.</summary>
    Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken = default);
}
