namespace Receivables.Common;

/// <summary>An HTTP request to one of the app's webhooks, free of host types (Functions or Kestrel fill it).</summary>
public sealed record WebhookRequest(
    string Method,
    string Path,
    string? RouteSecret,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    Stream Body);

public sealed record WebhookResponse(int StatusCode, string Body = "")
{
    public static WebhookResponse Ok(string body = "ok") => new(200, body);

    public static WebhookResponse Unauthorized() => new(401, "unauthorized");
}

public interface IInboundEmailWebhook
{
    /// <summary>SendGrid Inbound Parse. Returns 2xx only after the reply is safely stored.</summary>
    Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken = default);
}

public interface IEmailEventsWebhook
{
    /// <summary>SendGrid event webhook (delivered, bounce, dropped, spam report), signature-verified.</summary>
    Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken = default);
}
