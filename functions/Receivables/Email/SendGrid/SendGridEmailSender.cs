using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Receivables.Common;
using Receivables.Storage;
using SendGrid;

namespace Receivables.Email.SendGrid;

/// <summary>
/// Sends through the SendGrid v3 Mail Send API (429 and 5xx retried by the HTTP client's <see cref="SendGridRetry"/>), and records each
/// accepted message in <c>outbox/sendgrid/&lt;sha256(idempotency key)&gt;.json</c> so that a retry finds it
/// (<see cref="FindSentAsync"/>) instead of sending again.
/// </summary>
public sealed class SendGridEmailSender(
    IOptions<SendGridOptions> options,
    IHttpClientFactory httpClients,
    StorageClients storage,
    TimeProvider time,
    ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public const string HttpClientName = "sendgrid";
    public const string Provider = "sendgrid";

    public async Task<SentEmail> SendAsync(OutboundEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        settings.ThrowIfNotUsableForSending();

        var already = await FindSentAsync(email.IdempotencyKey, cancellationToken);
        if (already is not null)
        {
            logger.LogInformation("Message {IdempotencyKey} was already accepted by SendGrid as {MessageId}; not sending again", email.IdempotencyKey, already.MessageId);
            return already;
        }

        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = settings.ApiKey,
            Host = settings.BaseUrl.TrimEnd('/'),
        });

        // An earlier try that left no proof: the process may have died after SendGrid's 202 and before the proof.
        if (await ReadTryAsync(email.IdempotencyKey, cancellationToken) is { } earlier)
        {
            if (await FindInActivityAsync(client, earlier, settings, cancellationToken) is { } found)
            {
                return found;
            }
        }

        var messageId = MessageIdFor(email);
        var requestJson = SendGridRequest.Build(email, messageId);
        var rawMime = RenderMime(email, messageId);
        await WriteTryAsync(new SendGridTry(email.IdempotencyKey, messageId, Convert.ToBase64String(rawMime), requestJson, time.GetUtcNow()), cancellationToken);

        // Retries of 429/5xx happen inside the HTTP client (SendGridRetry); what comes back here is final.
        var response = await client.RequestAsync(BaseClient.Method.POST, requestBody: requestJson, urlPath: "mail/send", cancellationToken: cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var providerId = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
            var sent = new SentEmail(string.IsNullOrWhiteSpace(providerId) ? messageId : providerId, Provider, rawMime, requestJson);
            logger.LogInformation("SendGrid accepted {IdempotencyKey} as {MessageId}", email.IdempotencyKey, sent.MessageId);
            return await RecordAsync(email.IdempotencyKey, sent, cancellationToken);
        }

        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        var retried = SendGridRetry.IsRetryable(response.StatusCode);
        throw new SendGridRejectedException(status, body,
            $"SendGrid refused message {email.IdempotencyKey} to {email.ToAddress} with HTTP {status} ({response.StatusCode})" +
            (retried ? $" after {settings.MaxRetries + 1} tries" : "") + $": {body}");
    }

    public async Task<SentEmail?> FindSentAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(StorageNames.Containers.Outbox).GetBlobClient(ProofPath(idempotencyKey));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            var proof = content.Value.Content.ToObjectFromJson<SendGridProof>(Json.Options)
                ?? throw new ReceivablesException($"Blob '{StorageNames.Containers.Outbox}/{ProofPath(idempotencyKey)}' is empty.");
            return new SentEmail(proof.MessageId, Provider, Convert.FromBase64String(proof.RawMimeBase64), proof.ProviderRequestJson);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Asks the Email Activity API whether a message of an unfinished try went out (by the idempotency key in its
    /// custom_args), after the feed had <see cref="SendGridOptions.ActivitySettle"/> to show it. Found: its proof is
    /// recorded from the try and returned, and nothing is sent again. Not found, or the lookup off: null (send again).
    /// </summary>
    private async Task<SentEmail?> FindInActivityAsync(SendGridClient client, SendGridTry earlier, SendGridOptions settings, CancellationToken cancellationToken)
    {
        if (!settings.ActivityLookup)
        {
            logger.LogWarning("Message {IdempotencyKey} was tried at {TriedAt} without a proof of acceptance (a crash in between?); sending again may send it twice. Turn on {Setting} to ask SendGrid first.", earlier.IdempotencyKey, earlier.TriedAt, SendGridOptions.Section + ":ActivityLookup");
            return null;
        }

        var wait = earlier.TriedAt + settings.ActivitySettle - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        var query = $"unique_args['{EmailCustomArgs.Key}']=\"{earlier.IdempotencyKey.Replace("\"", "", StringComparison.Ordinal)}\"";
        var response = await client.RequestAsync(BaseClient.Method.GET, urlPath: "messages", queryParams: JsonSerializer.Serialize(new Dictionary<string, string> { ["query"] = query, ["limit"] = "10" }), cancellationToken: cancellationToken);
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SendGridRejectedException((int)response.StatusCode, body,
                $"SendGrid's Email Activity API answered HTTP {(int)response.StatusCode} when asked whether message {earlier.IdempotencyKey} went out; it is not sent again until SendGrid can say (or turn off {SendGridOptions.Section}:ActivityLookup): {body}");
        }

        using var json = JsonDocument.Parse(body);
        var messages = json.RootElement.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array ? list : default;
        var hit = messages.ValueKind == JsonValueKind.Array
            ? messages.EnumerateArray().Select(m => m.TryGetProperty("msg_id", out var id) ? id.GetString() : null).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id))
            : null;
        if (hit is null)
        {
            logger.LogInformation("Message {IdempotencyKey}, tried at {TriedAt}, is not in SendGrid's Email Activity; sending it", earlier.IdempotencyKey, earlier.TriedAt);
            return null;
        }

        logger.LogInformation("Message {IdempotencyKey} was accepted by SendGrid as {MessageId} before a crash (Email Activity); recording it, not sending again", earlier.IdempotencyKey, hit);
        var sent = new SentEmail(hit, Provider, Convert.FromBase64String(earlier.RawMimeBase64), earlier.ProviderRequestJson);
        return await RecordAsync(earlier.IdempotencyKey, sent, cancellationToken);
    }

    private async Task<SendGridTry?> ReadTryAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Container(StorageNames.Containers.Outbox).GetBlobClient(TryPath(idempotencyKey)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<SendGridTry>(Json.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task WriteTryAsync(SendGridTry attempt, CancellationToken cancellationToken) =>
        await storage.Container(StorageNames.Containers.Outbox).GetBlobClient(TryPath(attempt.IdempotencyKey)).UploadAsync(
            BinaryData.FromObjectAsJson(attempt, Json.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);

    /// <summary>Where the record of a try (written just before the request) lies in the outbox container.</summary>
    public static string TryPath(string idempotencyKey) => $"sendgrid/{Sha256Hex(idempotencyKey)}.try.json";

    /// <summary>Where the proof of acceptance of a message lies in the outbox container.</summary>
    public static string ProofPath(string idempotencyKey) => $"sendgrid/{Sha256Hex(idempotencyKey)}.json";

    /// <summary>The Message-ID header (with angle brackets): the same for every try of a message, so replies match.</summary>
    public static string MessageIdFor(OutboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.FromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < email.FromAddress.Length - 1 ? email.FromAddress[(at + 1)..] : "receivables.invalid";
        return $"<{Sha256Hex(email.IdempotencyKey)[..32]}@{domain}>";
    }

    private async Task<SentEmail> RecordAsync(string idempotencyKey, SentEmail sent, CancellationToken cancellationToken)
    {
        var proof = new SendGridProof(idempotencyKey, sent.MessageId, Convert.ToBase64String(sent.RawMime), sent.ProviderRequestJson ?? "", time.GetUtcNow());
        var blob = storage.Container(StorageNames.Containers.Outbox).GetBlobClient(ProofPath(idempotencyKey));
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(proof, Json.Options), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken);
            return sent;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A concurrent try recorded first: its proof is the one that counts.
            return await FindSentAsync(idempotencyKey, cancellationToken) ?? sent;
        }
    }

    private byte[] RenderMime(OutboundEmail email, string messageId)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(email.FromName, email.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        if (!string.IsNullOrWhiteSpace(email.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }

        message.Subject = email.Subject;
        message.MessageId = messageId.Trim('<', '>');
        MimeMessages.Thread(message, email.Thread);
        message.Date = time.GetUtcNow();
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    internal static string Sha256Hex(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private sealed record SendGridTry(string IdempotencyKey, string MessageId, string RawMimeBase64, string ProviderRequestJson, DateTimeOffset TriedAt);

    private sealed record SendGridProof(string IdempotencyKey, string MessageId, string RawMimeBase64, string ProviderRequestJson, DateTimeOffset AcceptedAt);
}
