using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;

namespace Receivables.Replies;

/// <summary>
/// SendGrid Inbound Parse webhook: authenticates, caps the size, stores the raw post and its row, queues processing,
/// and only then answers 2xx (so SendGrid retries anything not stored).
/// </summary>
public sealed class InboundEmailWebhook(ReplyIntake intake, IOptions<RepliesOptions> options, TimeProvider time, ILogger<InboundEmailWebhook> logger) : IInboundEmailWebhook
{
    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (Header(request, "Content-Length") is { } length && long.TryParse(length, CultureInfo.InvariantCulture, out var declared) && declared > settings.MaxPostBytes)
        {
            return new WebhookResponse(413, $"payload larger than {settings.MaxPostBytes} bytes");
        }

        var body = await ReadCappedAsync(request.Body, settings.MaxPostBytes, cancellationToken);
        if (body is null)
        {
            return new WebhookResponse(413, $"payload larger than {settings.MaxPostBytes} bytes");
        }

        if (!InboundAuthentication.IsAuthentic(request, body, settings, time.GetUtcNow()))
        {
            logger.LogWarning("Inbound post to {Path} rejected: not authenticated", request.Path);
            return WebhookResponse.Unauthorized();
        }

        InboundEmail parsed;
        try
        {
            parsed = InboundParser.ParseForm(request.ContentType ?? "", body);
        }
        catch (ReceivablesException e)
        {
            logger.LogWarning("Inbound post rejected: {Reason}", e.Message);
            return new WebhookResponse(400, e.Message);
        }

        var reply = await intake.AcceptAsync(request.ContentType!, body, parsed, cancellationToken);
        return WebhookResponse.Ok(reply.ReplyId);
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    internal static string? Header(WebhookRequest request, string name) =>
        request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
