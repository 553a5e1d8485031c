namespace Receivables.Common;

public sealed record WebhookResponse(int StatusCode, string Body = "")
{
    public static WebhookResponse Ok(string body = "ok") => new(200, body);

    public static WebhookResponse Unauthorized() => new(401, "unauthorized");
}
