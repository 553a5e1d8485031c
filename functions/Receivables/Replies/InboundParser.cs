using System.Text;
using System.Text.Json;
using MimeKit;
using Receivables.Common;

namespace Receivables.Replies;

/// <summary>Parses Inbound Parse posts (multipart/form-data, CRLF or LF) and .eml files with MimeKit.</summary>
public static class InboundParser
{
    static InboundParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Parses a SendGrid Inbound Parse body. Throws <see cref="ReceivablesException"/> naming the field at fault for a
    /// post that can never be read (empty, cut off before its closing boundary, a raw <c>email</c> that is not MIME,
    /// no sender): the webhook answers 400, so SendGrid does not retry it for days.
    /// </summary>
    public static InboundEmail ParseForm(string contentType, byte[] body)
    {
        if (body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new ReceivablesException("Inbound post: the body is empty.");
        }

        if (!ContentType.TryParse(contentType, out var type) || !type.IsMimeType("multipart", "form-data") || type.Boundary is null)
        {
            throw new ReceivablesException($"Inbound post: Content-Type '{contentType}' is not multipart/form-data with a boundary.");
        }

        if (!HasClosingBoundary(body, type.Boundary))
        {
            throw new ReceivablesException($"Inbound post: the multipart body ({body.Length} bytes) is cut off: it has no closing boundary '--{type.Boundary}--'.");
        }

        using var stream = new MemoryStream(body);
        MimeEntity entity;
        try
        {
            entity = MimeEntity.Load(type, stream);
        }
        catch (FormatException e)
        {
            throw new ReceivablesException($"Inbound post: the body is not a readable multipart form ({e.Message}).");
        }

        if (entity is not Multipart multipart || multipart.Count == 0)
        {
            throw new ReceivablesException("Inbound post: the body is not a multipart form with fields.");
        }

        var raw = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var files = new List<InboundAttachment>();
        foreach (var part in multipart.OfType<MimePart>())
        {
            var name = part.ContentDisposition?.Parameters["name"];
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var bytes = TrimFormNewline(content.ToArray());
            if (part.FileName is { } fileName)
            {
                files.Add(new InboundAttachment(fileName, part.ContentType.MimeType, bytes));
            }
            else if (name is not null)
            {
                raw[name] = bytes;
            }
        }

        var charsets = raw.TryGetValue("charsets", out var cs) ? ReadCharsets(cs) : new Dictionary<string, string>();
        string? Field(string name)
        {
            if (!raw.TryGetValue(name, out var value))
            {
                return null;
            }

            return Decode(value, charsets.GetValueOrDefault(name));
        }

        var spf = Field("SPF");
        var dkim = Field("dkim");
        if (raw.TryGetValue("email", out var mime))
        {
            InboundEmail fromMime;
            try
            {
                fromMime = ParseMime(mime);
            }
            catch (FormatException e)
            {
                throw new ReceivablesException($"Inbound post: field 'email' is not a MIME message ({e.Message}).");
            }

            if (fromMime.From.Length == 0)
            {
                throw new ReceivablesException("Inbound post: field 'email' is not a MIME message (it has no From header with an address).");
            }

            return fromMime with { Spf = spf, Dkim = dkim };
        }

        MimeMessage? headers;
        try
        {
            headers = ParseHeaders(Field("headers") ?? "");
        }
        catch (FormatException e)
        {
            throw new ReceivablesException($"Inbound post: field 'headers' is not a block of mail headers ({e.Message}).");
        }

        var from = OneLine(Field("from") ?? headers?.From.ToString() ?? "");
        if (from.Length == 0)
        {
            throw new ReceivablesException("Inbound post: no sender (neither an 'email' field, nor a 'from' field, nor a From header in 'headers').");
        }

        return new InboundEmail(
            From: from,
            To: SplitAddresses(Field("to"), Field("cc"), EnvelopeTo(Field("envelope"))),
            Subject: OneLine(Field("subject") ?? headers?.Subject ?? ""),
            Text: Field("text"),
            Html: Field("html"),
            MessageId: headers?.MessageId,
            InReplyTo: headers?.InReplyTo,
            References: headers?.References.ToList() ?? [],
            Date: headers is { Date: var d } && d != DateTimeOffset.MinValue ? d : null,
            Spf: spf,
            Dkim: dkim,
            AutoSubmitted: headers is not null && IsAutoSubmitted(headers),
            Attachments: files);
    }

    /// <summary>Parses a full MIME message (raw mode's <c>email</c> field, or an .eml file).</summary>
    public static InboundEmail ParseMime(byte[] mime)
    {
        using var stream = new MemoryStream(mime);
        var message = MimeMessage.Load(stream);
        var attachments = new List<InboundAttachment>();
        foreach (var attachment in message.Attachments.OfType<MimePart>())
        {
            using var content = new MemoryStream();
            attachment.Content?.DecodeTo(content);
            attachments.Add(new InboundAttachment(attachment.FileName ?? "attachment", attachment.ContentType.MimeType, content.ToArray()));
        }

        return new InboundEmail(
            From: OneLine(message.From.Mailboxes.FirstOrDefault()?.Address ?? ""),
            To: message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList(),
            Subject: OneLine(message.Subject ?? ""),
            Text: message.TextBody,
            Html: message.HtmlBody,
            MessageId: message.MessageId,
            InReplyTo: message.InReplyTo,
            References: message.References.ToList(),
            Date: message.Date == DateTimeOffset.MinValue ? null : message.Date,
            Spf: null,
            Dkim: null,
            AutoSubmitted: IsAutoSubmitted(message),
            Attachments: attachments)
        {
            DeliveryReport = IsDeliveryReport(message),
            DeliveryStatus = DeliveryStatusText(message),
        };
    }

    private static bool IsDeliveryReport(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        return message.Body is MultipartReport { ReportType: { } type } && type.Contains("delivery-status", StringComparison.OrdinalIgnoreCase)
            || message.BodyParts.Any(p => p.ContentType.MimeType.Contains("delivery-status", StringComparison.OrdinalIgnoreCase))
            || from.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || from.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase);
    }

    private static string? DeliveryStatusText(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            if (part is MessageDeliveryStatus status)
            {
                var text = new StringBuilder();
                foreach (var group in status.StatusGroups)
                {
                    foreach (var header in group)
                    {
                        text.Append(header.Field).Append(": ").AppendLine(header.Value.Trim());
                    }
                }

                return text.ToString();
            }
        }

        return null;
    }

    /// <summary>The address part of "Name &lt;a@b&gt;" (lower case), or the input when it is not an address.</summary>
    public static string Address(string value) =>
        MailboxAddress.TryParse(value, out var mailbox) ? mailbox.Address.ToLowerInvariant() : value.Trim().ToLowerInvariant();

    private static bool IsAutoSubmitted(MimeMessage message)
    {
        var auto = message.Headers["Auto-Submitted"];
        return (auto is not null && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            || message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond")
            || string.Equals(message.Headers["Precedence"], "auto_reply", StringComparison.OrdinalIgnoreCase);
    }

    private static MimeMessage? ParseHeaders(string headers)
    {
        if (string.IsNullOrWhiteSpace(headers))
        {
            return null;
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(headers.TrimEnd() + "\n\n"));
        return MimeMessage.Load(stream);
    }

    private static List<string> SplitAddresses(params string?[] lists)
    {
        var result = new List<string>();
        foreach (var list in lists.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            if (InternetAddressList.TryParse(list!, out var parsed))
            {
                result.AddRange(parsed.Mailboxes.Select(m => m.Address));
            }
        }

        return result.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? EnvelopeTo(string? envelope)
    {
        if (string.IsNullOrWhiteSpace(envelope))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(envelope);
            return doc.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array
                ? string.Join(", ", to.EnumerateArray().Select(e => e.GetString()))
                : null;
        }
        catch (JsonException e)
        {
            throw new ReceivablesException($"Inbound post: field 'envelope' is not JSON ({e.Message}).");
        }
    }

    private static Dictionary<string, string> ReadCharsets(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException e)
        {
            throw new ReceivablesException($"Inbound post: field 'charsets' is not a JSON object of field names to charsets ({e.Message}).");
        }
    }

    private static string Decode(byte[] value, string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8.GetString(value);
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim()).GetString(value);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(value);
        }
    }

    /// <summary>
    /// A header value as one line: line breaks and other control characters (a "Bcc:" smuggled into a subject or
    /// sender) become spaces, so nothing the debtor sends can add a header to the letters that answer it; and no longer
    /// than a mail header line may be (<see cref="MaxHeaderLength"/>), so a 200,000-character subject cannot overflow
    /// the task and reply rows it is copied into.
    /// </summary>
    public static string OneLine(string value)
    {
        var line = new StringBuilder(Math.Min(value.Length, MaxHeaderLength));
        foreach (var c in value)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
            if (line.Length >= MaxHeaderLength)
            {
                line.Append('…');
                break;
            }
        }

        return line.ToString().Trim();
    }

    /// <summary>RFC 5322's limit of a header line, in characters.</summary>
    public const int MaxHeaderLength = 998;

    /// <summary>Whether the body has the multipart's close delimiter (<c>--boundary--</c>) at the start of a line.</summary>
    private static bool HasClosingBoundary(byte[] body, string boundary)
    {
        var close = Encoding.ASCII.GetBytes("--" + boundary + "--");
        var span = body.AsSpan();
        for (var at = span.LastIndexOf(close); at >= 0; at = span[..at].LastIndexOf(close))
        {
            if (at == 0 || body[at - 1] == '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Form fields end before the boundary's line break, which MimeKit leaves in the part's content.</summary>
    private static byte[] TrimFormNewline(byte[] bytes)
    {
        var length = bytes.Length;
        if (length > 0 && bytes[length - 1] == '\n')
        {
            length--;
            if (length > 0 && bytes[length - 1] == '\r')
            {
                length--;
            }
        }

        return bytes[..length];
    }
}
