using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
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

        var messageId = MessageIdFor(email);
        var requestJson = SendGridRequest.Build(email, messageId);
        var rawMime = RenderMime(email, messageId);

        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = settings.ApiKey,
            Host = settings.BaseUrl.TrimEnd('/'),
        });

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

    private sealed record SendGridProof(string IdempotencyKey, string MessageId, string RawMimeBase64, string ProviderRequestJson, DateTimeOffset AcceptedAt);
}
