using System.Globalization;
using System.Text;
using Receivables.Evidence;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Evidence;

/// <summary>A debtor's case as the other features archive it: invoice, reminders, delivery, reply, agreement, payment.</summary>
internal static class CaseHistory
{
    public const string Debtor = "10042";
    public const string Case = "C-2026-0001";

    public static EvidenceCaseRef CaseRef => new(TestSettings.Creditor, Debtor, Case);

    public static EvidenceItem Item(string kind, string title, string key, string occurredAt, byte[] content, string contentType, string actor, params (string Key, string Value)[] metadata) =>
        new(TestSettings.Creditor, Debtor, Case, kind, title, contentType, content, actor, key,
            DateTimeOffset.Parse(occurredAt, CultureInfo.InvariantCulture), metadata.ToDictionary(m => m.Key, m => m.Value));

    /// <summary>The items in the order the features produce them (not the timeline's order).</summary>
    public static IReadOnlyList<EvidenceItem> Items()
    {
        var reply = File.ReadAllBytes(RepoFiles.Sample("sendgrid-inbound", "sendgrid-python_inbound_raw_data_with_attachments.txt"));
        return
        [
            Item(EvidenceKinds.LedgerSnapshot, "Invoice 2026-117 in ledger snapshot", "ledger:snap-1:10042", "2026-01-05T08:00:00Z",
                Encoding.UTF8.GetBytes("invoice;date;due;amount\n2026-117;2026-01-05;2026-01-19;12500.00\n"), "text/csv", Actors.System,
                (EvidenceMetadata.InvoiceNumbers, "2026-117"), (EvidenceMetadata.Amount, "12500.00"), (EvidenceMetadata.Currency, "NOK"), (EvidenceMetadata.DueDate, "2026-01-19")),
            Item(EvidenceKinds.Decision, "Friendly reminder decided", "decision:2026-117:friendly", "2026-01-27T06:00:00Z",
                Encoding.UTF8.GetBytes("{\"level\":\"friendly\",\"daysOverdue\":8}"), "application/json", Actors.Rule, (EvidenceMetadata.Level, "friendly")),
            Item(EvidenceKinds.OutboundEmail, "Friendly reminder: invoice 2026-117", "send:2026-117:friendly", "2026-01-27T07:00:00Z",
                Mime("Friendly reminder: invoice 2026-117", "<r1@acme.example>"), "message/rfc822", Actors.Rule,
                (EvidenceMetadata.Level, "friendly"), (EvidenceMetadata.Deadline, "2026-02-10"), (EvidenceMetadata.MessageId, "<r1@acme.example>"),
                (EvidenceMetadata.InvoiceNumbers, "2026-117"), (EvidenceMetadata.Amount, "12500.00"), (EvidenceMetadata.Currency, "NOK"), (EvidenceMetadata.To, "post@kunde.example")),
            Item(EvidenceKinds.ProviderRequest, "SendGrid request for the friendly reminder", "sendgrid:2026-117:friendly", "2026-01-27T07:00:01Z",
                Encoding.UTF8.GetBytes("{\"personalizations\":[{\"to\":[{\"email\":\"post@kunde.example\"}]}],\"subject\":\"Friendly reminder\"}"), "application/json", Actors.System,
                (EvidenceMetadata.MessageId, "sg-abc123")),
            Item(EvidenceKinds.DeliveryEvent, "Delivered to post@kunde.example", "event:sg-abc123:delivered", "2026-01-27T07:00:09Z",
                Encoding.UTF8.GetBytes("[{\"event\":\"delivered\",\"sg_message_id\":\"sg-abc123\"}]"), "application/json", Actors.System,
                (EvidenceMetadata.Event, "delivered"), (EvidenceMetadata.MessageId, "sg-abc123")),
            Item(EvidenceKinds.InboundReply, "Reply: we will pay in two parts", "reply:<x1@kunde.example>", "2026-01-29T10:15:00Z",
                reply, "multipart/form-data; boundary=xYzZY", Actors.System,
                (EvidenceMetadata.From, "post@kunde.example"), (EvidenceMetadata.Subject, "Re: Friendly reminder")),
            Item(EvidenceKinds.Agreement, "Repayment agreement: 2 instalments", "plan:P1:accepted", "2026-01-30T09:00:00Z",
                Encoding.UTF8.GetBytes("Instalment 1: 6250.00 by 2026-02-15\nInstalment 2: 6250.00 by 2026-03-15\n"), "text/plain", Actors.Person("kari"),
                (EvidenceMetadata.Amount, "12500.00"), (EvidenceMetadata.Currency, "NOK"), (EvidenceMetadata.Deadline, "2026-03-15")),
            Item(EvidenceKinds.OutboundEmail, "Reminder with fee: invoice 2026-117", "send:2026-117:reminder", "2026-02-20T07:00:00Z",
                Mime("Reminder: invoice 2026-117", "<r2@acme.example>"), "message/rfc822", Actors.Rule,
                (EvidenceMetadata.Level, "reminder"), (EvidenceMetadata.Deadline, "2026-03-06"), (EvidenceMetadata.Fee, "37.50"), (EvidenceMetadata.MessageId, "<r2@acme.example>")),
            Item(EvidenceKinds.LedgerSnapshot, "Payment received on 2026-117", "ledger:snap-2:10042", "2026-02-16T08:00:00Z",
                Encoding.UTF8.GetBytes("invoice;open\n2026-117;6250.00\n"), "text/csv", Actors.System,
                (EvidenceMetadata.Timeline, TimelineSections.Payment), (EvidenceMetadata.InvoiceNumbers, "2026-117"), (EvidenceMetadata.Amount, "6250.00"), (EvidenceMetadata.Currency, "NOK")),
        ];
    }

    public static async Task<IReadOnlyList<EvidenceReceipt>> ArchiveAsync(LocalHost host)
    {
        var archive = host.Get<IEvidenceArchive>();
        var receipts = new List<EvidenceReceipt>();
        foreach (var item in Items())
        {
            receipts.Add(await archive.AppendAsync(item));
        }

        return receipts;
    }

    /// <summary>Overwrites a blob of the archive (what WORM prevents in Azure; Azurite allows it).</summary>
    public static async Task TamperAsync(LocalHost host, string path, Func<byte[], byte[]> change)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Evidence).GetBlobClient(path);
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        await blob.UploadAsync(new BinaryData(change(bytes)), overwrite: true);
    }

    public static async Task<byte[]> ReadBlobAsync(LocalHost host, string path) =>
        (await host.Get<StorageClients>().Container(StorageNames.Containers.Evidence).GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();

    public static async Task WriteBlobAsync(LocalHost host, string path, byte[] bytes) =>
        await host.Get<StorageClients>().Container(StorageNames.Containers.Evidence).GetBlobClient(path).UploadAsync(new BinaryData(bytes), overwrite: true);

    public static async Task DeleteBlobAsync(LocalHost host, string path) =>
        await host.Get<StorageClients>().Container(StorageNames.Containers.Evidence).GetBlobClient(path).DeleteAsync();

    public static byte[] FlipOneByte(byte[] bytes)
    {
        var copy = bytes.ToArray();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }

    private static byte[] Mime(string subject, string messageId) => Encoding.UTF8.GetBytes(
        $"From: Acme Verktøy AS <regnskap@acme.example>\r\nTo: post@kunde.example\r\nSubject: {subject}\r\nMessage-ID: {messageId}\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nInvoice 2026-117, NOK 12 500.00, is overdue. Please pay by the deadline.\r\n");
}
