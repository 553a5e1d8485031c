using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Receivables.Email;

/// <summary>Builds the exact MIME of an outbound message, the same for every sender (evidence keeps these bytes).</summary>
public static class MimeMessages
{
    /// <summary>A stable Message-ID per idempotency key, so a resend after a crash has the same id and replies match.</summary>
    public static string MessageIdFor(OutboundEmail email)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.IdempotencyKey)))[..32].ToLowerInvariant();
        var at = email.FromAddress.LastIndexOf('@');
        return hash + "@" + (at >= 0 ? email.FromAddress[(at + 1)..] : "receivables.local");
    }

    public static MimeMessage Build(OutboundEmail email, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            MessageId = MessageIdFor(email),
            Date = date,
            Subject = email.Subject,
        };
        message.From.Add(new MailboxAddress(email.FromName, email.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        Thread(message, email.Thread);
        foreach (var (key, value) in email.CustomArgs.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            message.Headers.Add("X-Receivables-" + key, value);
        }

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Names the debtor's message in In-Reply-To and References, so the answer joins its conversation.</summary>
    public static void Thread(MimeMessage message, ReplyThread? thread)
    {
        if (thread is null)
        {
            return;
        }

        message.InReplyTo = thread.MessageId;
        foreach (var reference in thread.ReferencesOfAnswer())
        {
            message.References.Add(reference);
        }
    }

    public static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
