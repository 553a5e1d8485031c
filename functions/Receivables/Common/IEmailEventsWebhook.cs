namespace Receivables.Common;

public interface IEmailEventsWebhook
{
    /// <summary>SendGrid event webhook (delivered, bounce, dropped, spam report), signature-verified.</summary>
    Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken = default);
}
