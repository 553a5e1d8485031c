using System.Globalization;
using MimeKit;
using Receivables.Common;

namespace Receivables.Replies;

/// <summary>
/// A folder of labelled .eml files for <c>replies accuracy --eml</c>: each file's <c>X-Label</c> header names the class
/// (<c>X-Expected-Date</c> the stated date, <c>X-Injection: yes</c> an injection); received is the Date header's day
/// in Europe/Oslo. Headers count as they do for real mail (Auto-Submitted, multipart/report).
/// </summary>
public static class EmlSet
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static IReadOnlyList<LabelledReply> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReceivablesException($"Folder '{folder}' does not exist.");
        }

        var result = new List<LabelledReply>();
        foreach (var path in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(new MemoryStream(bytes));
            }
            catch (FormatException e)
            {
                throw new ReceivablesException($"{path}: not a MIME message ({e.Message}).");
            }

            var label = message.Headers["X-Label"] ?? throw new ReceivablesException($"{path}: header 'X-Label' is missing.");
            var cls = LabelledSet.ParseLabel(label.Trim()) ?? throw new ReceivablesException($"{path}: header 'X-Label' '{label}' is not a reply class.");
            DateOnly? expected = null;
            if (message.Headers["X-Expected-Date"] is { Length: > 0 } stated)
            {
                expected = DateOnly.TryParseExact(stated.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw new ReceivablesException($"{path}: header 'X-Expected-Date' '{stated}' is not YYYY-MM-DD.");
            }

            var email = InboundParser.ParseMime(bytes);
            var date = email.Date ?? throw new ReceivablesException($"{path}: header 'Date' is missing.");
            var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(date, Oslo).DateTime);
            var text = ReplyText.NewText(email.Text, email.Html);
            if (email.DeliveryStatus is { } status)
            {
                text += "\n" + status;
            }

            result.Add(new LabelledReply(Path.GetFileName(path), cls, received, email.Subject, text)
            {
                ExpectedDate = expected,
                Injection = message.Headers["X-Injection"]?.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) == true,
                AutoSubmitted = email.AutoSubmitted,
                DeliveryReport = email.DeliveryReport,
                Prepared = true,
            });
        }

        return result;
    }
}
