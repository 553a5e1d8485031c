using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>The queue message that asks for a stored reply to be processed.</summary>
public sealed record ProcessReplyMessage(string ReplyId);

/// <summary>Stores a reply durably (payload blob + row) and queues it once, whichever way it arrived.</summary>
public sealed class ReplyIntake(ReplyStore store, IMessageQueue queue, TimeProvider time, ILogger<ReplyIntake> logger)
{
    /// <summary>Stores and queues the reply; a repeated payload (same Message-ID or same bytes) is not queued twice.</summary>
    public async Task<StoredReply> AcceptAsync(string contentType, byte[] payload, InboundEmail parsed, CancellationToken cancellationToken)
    {
        var dedupeKey = parsed.MessageId is { Length: > 0 } id
            ? "message-id:" + id.Trim().Trim('<', '>').ToLowerInvariant()
            : "sha256:" + Convert.ToHexString(SHA256.HashData(payload)).ToLowerInvariant();
        var replyId = "R" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)))[..24].ToLowerInvariant();
        var (reply, created) = await store.StoreAsync(replyId, dedupeKey, contentType, payload, time.GetUtcNow(), cancellationToken);
        if (!created)
        {
            logger.LogInformation("Reply {ReplyId} ({DedupeKey}) was already stored", replyId, dedupeKey);
        }

        if (!reply.Queued)
        {
            await queue.SendAsync(StorageNames.Queues.ProcessReply, new ProcessReplyMessage(replyId), cancellationToken: cancellationToken);
            await store.UpdateAsync(replyId, new Dictionary<string, object?> { ["Queued"] = true }, cancellationToken);
            logger.LogInformation("Reply {ReplyId} from {From} stored and queued", replyId, parsed.From);
        }

        return reply with { Queued = true };
    }
}

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

/// <summary>Signed-policy (ECDSA) or shared-secret authentication of inbound posts, compared in constant time.</summary>
public static class InboundAuthentication
{
    public static bool IsAuthentic(WebhookRequest request, byte[] body, RepliesOptions options, DateTimeOffset now)
    {
        var mode = options.AuthMode == InboundAuthMode.Auto
            ? (string.IsNullOrWhiteSpace(options.SignedWebhookPublicKey) ? InboundAuthMode.Secret : InboundAuthMode.Signature)
            : options.AuthMode;
        return mode == InboundAuthMode.Signature ? SignatureValid(request, body, options, now) : SecretValid(request, options);
    }

    private static bool SignatureValid(WebhookRequest request, byte[] body, RepliesOptions options, DateTimeOffset now)
    {
        var signature = InboundEmailWebhook.Header(request, options.SignatureHeader);
        var timestamp = InboundEmailWebhook.Header(request, options.TimestampHeader);
        if (string.IsNullOrWhiteSpace(options.SignedWebhookPublicKey) || signature is null || timestamp is null
            || !long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalMinutes) > options.SignatureMaxAgeMinutes)
        {
            return false;
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(options.SignedWebhookPublicKey), out _);
            var signed = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            return ecdsa.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool SecretValid(WebhookRequest request, RepliesOptions options)
    {
        if (!string.IsNullOrEmpty(options.Secret) && request.RouteSecret is { Length: > 0 } routeSecret && SameSecret(routeSecret, options.Secret))
        {
            return true;
        }

        if (string.IsNullOrEmpty(options.BasicAuthUser) || string.IsNullOrEmpty(options.BasicAuthPassword)
            || InboundEmailWebhook.Header(request, "Authorization") is not { } authorization
            || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            return SameSecret(decoded, options.BasicAuthUser + ":" + options.BasicAuthPassword);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Constant-time comparison (hashes first, so lengths do not leak either).</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
