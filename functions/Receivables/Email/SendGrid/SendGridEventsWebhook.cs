using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Evidence;

namespace Receivables.Email.SendGrid;

/// <summary>
/// SendGrid's signed event webhook. Verifies the ECDSA P-256 signature over timestamp + raw body, archives each
/// event that carries our custom args (creditorId, debtorId, caseId) as a delivery event, and opens one
/// invalid-email task per debtor and address on a bounce or a drop. Answers 200 only after all that is stored, so
/// SendGrid retries otherwise; a retried post archives nothing twice (keyed on sg_event_id).
/// </summary>
public sealed class SendGridEventsWebhook(
    IOptions<SendGridOptions> options,
    IEvidenceArchive archive,
    ITaskStore tasks,
    ILogger<SendGridEventsWebhook> logger) : IEmailEventsWebhook
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = options.Value.EventWebhookPublicKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            logger.LogError("SendGrid event webhook called but {Setting} is not set; answering 503 so SendGrid retries", SendGridOptions.Section + ":EventWebhookPublicKey");
            return new WebhookResponse(503, "event webhook verification key not configured");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();

        var signature = Header(request, SignatureHeader);
        var timestamp = Header(request, TimestampHeader);
        if (signature is null || timestamp is null || !Verify(key, timestamp, body, signature))
        {
            logger.LogWarning("SendGrid event webhook post refused: missing or invalid signature ({Bytes} bytes)", body.Length);
            return WebhookResponse.Unauthorized();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "SendGrid event webhook post is not JSON");
            return new WebhookResponse(400, "body is not a JSON array of events: " + e.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return new WebhookResponse(400, "body is not a JSON array of events");
            }

            var archived = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (await HandleEventAsync(element, cancellationToken))
                {
                    archived++;
                }
            }

            logger.LogInformation("SendGrid event webhook: {Events} events, {Archived} archived", document.RootElement.GetArrayLength(), archived);
            return WebhookResponse.Ok();
        }
    }

    /// <summary>Whether the signature (base64 DER) is valid for timestamp + body under the key (base64 DER SubjectPublicKeyInfo).</summary>
    public static bool Verify(string publicKeyBase64, string timestamp, ReadOnlySpan<byte> body, string signatureBase64)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKeyBase64.Trim()), out _);
            var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
            var written = Encoding.UTF8.GetBytes(timestamp, signed);
            body.CopyTo(signed.AsSpan(written));
            return ecdsa.VerifyData(signed, Convert.FromBase64String(signatureBase64.Trim()), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
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

    private async Task<bool> HandleEventAsync(JsonElement element, CancellationToken cancellationToken)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var name = Text(element, "event") ?? "unknown";
        var eventId = Text(element, "sg_event_id");
        // The names the send-reminder handler sets (EmailCustomArgs); the camelCase ones are accepted for messages sent earlier.
        var creditorId = Text(element, EmailCustomArgs.Creditor) ?? Text(element, "creditorId");
        var debtorId = Text(element, EmailCustomArgs.Debtor) ?? Text(element, "debtorId");
        var caseId = Text(element, EmailCustomArgs.Case) ?? Text(element, "caseId");
        if (eventId is null || creditorId is null || debtorId is null || caseId is null)
        {
            logger.LogInformation("SendGrid event {Event} {EventId} has no creditor/debtor/case custom args; not ours to archive", name, eventId);
            return false;
        }

        var email = Text(element, "email") ?? "";
        var messageId = Text(element, "sg_message_id") ?? "";
        var reason = Text(element, "reason");
        var occurredAt = element.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch;

        var metadata = new Dictionary<string, string>
        {
            [EvidenceMetadata.Event] = name,
            [EvidenceMetadata.MessageId] = messageId,
            [EvidenceMetadata.To] = email,
            [EvidenceMetadata.Summary] = reason is null ? $"SendGrid: {name} to {email}" : $"SendGrid: {name} to {email} ({reason})",
        };
        await archive.AppendAsync(new EvidenceItem(
            creditorId, debtorId, caseId, EvidenceKinds.DeliveryEvent, $"Delivery event {name} to {email}", "application/json",
            Encoding.UTF8.GetBytes(element.GetRawText()), Actors.System, "sg-event:" + eventId, occurredAt, metadata), cancellationToken);

        if (IsHardFailure(name, Text(element, "type")))
        {
            await tasks.OpenAsync(
                creditorId, TaskKinds.InvalidEmail, debtorId, caseId,
                $"No valid email for debtor {debtorId}",
                $"SendGrid reported '{name}' for {email}{(reason is null ? "" : ": " + reason)}. Find a working address for the debtor and update it in the ledger or ERP.",
                $"invalid-email:{debtorId}:{email.Trim().ToLowerInvariant()}",
                cancellationToken,
                new TaskFacts { Reason = TaskReasons.EmailFailing, Reference = email, Grounds = ["event:" + name, .. reason is null ? Array.Empty<string>() : ["detail:" + reason]] });
        }

        return true;
    }

    /// <summary>A bounce of type "bounce" (not "blocked", which may pass) or a drop means the address does not work.</summary>
    private static bool IsHardFailure(string name, string? type) =>
        name == "dropped" || (name == "bounce" && !string.Equals(type, "blocked", StringComparison.OrdinalIgnoreCase));

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? Header(WebhookRequest request, string name)
    {
        foreach (var (key, value) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
