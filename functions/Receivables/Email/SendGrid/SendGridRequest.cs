using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Receivables.Email.SendGrid;

/// <summary>Writes the v3 Mail Send JSON body in a fixed order.</summary>
internal static class SendGridRequest
{
    public static string Build(OutboundEmail email, string messageId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("personalizations");
            json.WriteStartObject();
            json.WriteStartArray("to");
            WriteAddress(json, email.ToAddress, email.ToName);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WritePropertyName("from");
            WriteAddress(json, email.FromAddress, email.FromName);
            if (!string.IsNullOrWhiteSpace(email.ReplyTo))
            {
                json.WritePropertyName("reply_to");
                WriteAddress(json, email.ReplyTo, null);
            }

            json.WriteString("subject", email.Subject);
            json.WriteStartArray("content");
            WriteContent(json, "text/plain", email.TextBody);
            WriteContent(json, "text/html", email.HtmlBody);
            json.WriteEndArray();

            if (email.Attachments.Count > 0)
            {
                json.WriteStartArray("attachments");
                foreach (var attachment in email.Attachments)
                {
                    json.WriteStartObject();
                    json.WriteString("content", Convert.ToBase64String(attachment.Content));
                    json.WriteString("type", attachment.ContentType);
                    json.WriteString("filename", attachment.FileName);
                    json.WriteString("disposition", "attachment");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("headers");
            json.WriteString("Message-ID", messageId);
            if (email.Thread is { } thread)
            {
                json.WriteString("In-Reply-To", "<" + thread.MessageId + ">");
                json.WriteString("References", string.Join(" ", thread.ReferencesOfAnswer().Select(r => "<" + r + ">")));
            }
            json.WriteEndObject();

            // custom_args come back in every event and in the Email Activity API; the idempotency key lets a sender that
            // crashed after SendGrid's 202 find out whether the message went out (SendGridEmailSender).
            json.WriteStartObject("custom_args");
            foreach (var (key, value) in email.CustomArgs)
            {
                json.WriteString(key, value);
            }

            if (!email.CustomArgs.ContainsKey(EmailCustomArgs.Key))
            {
                json.WriteString(EmailCustomArgs.Key, email.IdempotencyKey);
            }

            json.WriteEndObject();

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteAddress(Utf8JsonWriter json, string address, string? name)
    {
        json.WriteStartObject();
        json.WriteString("email", address);
        if (!string.IsNullOrWhiteSpace(name))
        {
            json.WriteString("name", name);
        }

        json.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter json, string type, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
