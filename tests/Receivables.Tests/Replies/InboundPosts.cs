using System.Text;
using Azure.Data.Tables;
using Receivables.Common;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Replies;

/// <summary>Builds Inbound Parse posts: the real samples, or realistic replies in the same wire format.</summary>
internal static class InboundPosts
{
    public const string SampleContentType = "multipart/form-data; boundary=xYzZY";

    public static byte[] Sample(string file) => File.ReadAllBytes(RepoFiles.Sample("sendgrid-inbound", file));

    public static WebhookRequest Request(byte[] body, string? routeSecret = TestData.Secret, string contentType = SampleContentType, Dictionary<string, string>? headers = null) =>
        new("POST", "/api/inbound/" + routeSecret, routeSecret, headers ?? new Dictionary<string, string>(), contentType, new MemoryStream(body));

    /// <summary>
    /// Runs the queued work until every stored reply is processed (a message sent a moment ago may not be visible to
    /// the first receive on a busy emulator), giving up after a few seconds.
    /// </summary>
    public static async Task ProcessAllAsync(LocalHost host)
    {
        var table = host.Get<StorageClients>().Table(StorageNames.Tables.Replies);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
            var waiting = false;
            await foreach (var row in table.QueryAsync<TableEntity>(filter: "State eq 'stored'"))
            {
                waiting = row is not null;
            }

            if (!waiting)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A default-mode post (CRLF line ends) with the given fields; values are encoded with their charset.</summary>
    public static byte[] Form(IEnumerable<(string Name, string Value, string Charset)> fields, string boundary = "xYzZY")
    {
        var body = new MemoryStream();
        void Write(string s) => body.Write(Encoding.ASCII.GetBytes(s));
        foreach (var (name, value, charset) in fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n");
            body.Write(Encoding.GetEncoding(charset).GetBytes(value));
            Write("\r\n");
        }

        Write($"--{boundary}--\r\n");
        return body.ToArray();
    }

    /// <summary>A reply as SendGrid's default mode posts it.</summary>
    public static byte[] Reply(string from, string to, string subject, string? text, string? html = null, string charset = "UTF-8", string? inReplyTo = null, string spf = "pass", string? messageId = null)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var headers = $"From: {from}\nTo: {to}\nSubject: {subject}\nDate: Mon, 23 Nov 2026 09:15:00 +0100\nMessage-ID: <{messageId ?? Guid.NewGuid().ToString("N")}@mail.example>\n"
            + (inReplyTo is null ? "" : $"In-Reply-To: <{inReplyTo}>\nReferences: <{inReplyTo}>\n");
        var fields = new List<(string, string, string)>
        {
            ("headers", headers, "UTF-8"),
            ("dkim", "{@debtor.example : pass}", "UTF-8"),
            ("to", to, "UTF-8"),
            ("from", from, "UTF-8"),
            ("subject", subject, charset),
        };
        if (text is not null)
        {
            fields.Add(("text", text, charset));
        }

        if (html is not null)
        {
            fields.Add(("html", html, charset));
        }

        var charsets = "{\"to\":\"UTF-8\",\"from\":\"UTF-8\",\"subject\":\"" + charset + "\"" + (text is null ? "" : ",\"text\":\"" + charset + "\"") + (html is null ? "" : ",\"html\":\"" + charset + "\"") + "}";
        fields.Add(("envelope", "{\"to\":[\"" + to + "\"],\"from\":\"" + from + "\"}", "UTF-8"));
        fields.Add(("charsets", charsets, "UTF-8"));
        fields.Add(("SPF", spf, "UTF-8"));
        fields.Add(("sender_ip", "192.0.2.10", "UTF-8"));
        fields.Add(("spam_score", "0.1", "UTF-8"));
        fields.Add(("attachments", "0", "UTF-8"));
        return Form(fields);
    }
}
