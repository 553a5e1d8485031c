using System.Globalization;
using System.Text;

namespace Receivables.Evidence;

/// <summary>
/// The printable timeline of a bundle: one self-contained HTML page (inline CSS, no scripts) with, per case, the
/// sections invoices, reminders (with deadlines), deliveries, replies, agreements, payments and decisions, each in time
/// order, then the complete record in chain order with every hash and a link to the item file in the bundle.
/// </summary>
public static class EvidenceTimeline
{
    private static readonly IReadOnlyDictionary<string, string> HeadingsNb = new Dictionary<string, string>
    {
        [TimelineSections.Invoice] = "Fakturaer",
        [TimelineSections.Reminder] = "Brev og frister",
        [TimelineSections.Delivery] = "Levering",
        [TimelineSections.Reply] = "Svar fra skyldneren",
        [TimelineSections.Agreement] = "Avtaler",
        [TimelineSections.Payment] = "Betalinger",
        [TimelineSections.Decision] = "Beslutninger",
        [TimelineSections.Other] = "Andre registreringer",
    };

    private static readonly IReadOnlyDictionary<string, string> Headings = new Dictionary<string, string>
    {
        [TimelineSections.Invoice] = "Invoices",
        [TimelineSections.Reminder] = "Reminders and their deadlines",
        [TimelineSections.Delivery] = "Deliveries",
        [TimelineSections.Reply] = "Replies from the debtor",
        [TimelineSections.Agreement] = "Agreements",
        [TimelineSections.Payment] = "Payments",
        [TimelineSections.Decision] = "Decisions",
        [TimelineSections.Other] = "Other records",
    };

    /// <summary>The section an entry belongs to: the <c>timeline</c> metadata when set, otherwise from its kind.</summary>
    public static string SectionOf(EvidenceEntry entry)
    {
        if (entry.Metadata.TryGetValue(EvidenceMetadata.Timeline, out var section) && TimelineSections.Ordered.Contains(section))
        {
            return section;
        }

        return entry.Kind switch
        {
            EvidenceKinds.OutboundEmail => TimelineSections.Reminder,
            EvidenceKinds.DeliveryEvent => TimelineSections.Delivery,
            EvidenceKinds.InboundReply => TimelineSections.Reply,
            EvidenceKinds.Agreement => TimelineSections.Agreement,
            EvidenceKinds.LedgerSnapshot => TimelineSections.Invoice,
            EvidenceKinds.Decision or EvidenceKinds.Task => TimelineSections.Decision,
            _ => TimelineSections.Other,
        };
    }

    public static string Render(
        string creditorName,
        string debtorId,
        DateTimeOffset exportedAt,
        IReadOnlyList<(EvidenceCaseRef Case, IReadOnlyList<ArchivedEntry> Entries, ChainReport Report)> cases,
        TimeZoneInfo zone,
        string language = "en",
        IReadOnlyDictionary<string, EvidenceLetter>? letters = null)
    {
        var nb = language != "en";
        var headings = nb ? HeadingsNb : Headings;
        letters ??= new Dictionary<string, EvidenceLetter>();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(nb ? "nb" : "en").Append("\"><head><meta charset=\"utf-8\"><title>").Append(nb ? "Dokumentasjon: " : "Evidence: ")
            .Append(E(creditorName)).Append(" / ").Append(E(debtorId)).Append("</title>\n<style>\n")
            .Append("body{font-family:Georgia,'Times New Roman',serif;margin:2em;color:#111;max-width:60em}")
            .Append("h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #333;margin-top:2em;page-break-before:auto}")
            .Append("h3{font-size:1.05em;margin-top:1.4em}table{border-collapse:collapse;width:100%;font-size:.9em}")
            .Append("th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top}th{background:#eee}")
            .Append(".hash{font-family:monospace;font-size:.75em;word-break:break-all}.ok{color:#060}.bad{color:#a00;font-weight:bold}")
            .Append(".muted{color:#555}tr{page-break-inside:avoid}@media print{body{margin:0;max-width:none}a{color:#111;text-decoration:none}}")
            .Append("\n</style></head><body>\n");
        html.Append(nb ? "<h1>Dokumentasjon av kravet: " : "<h1>Evidence record: ").Append(E(creditorName)).Append(nb ? " &mdash; skyldner " : " &mdash; debtor ").Append(E(debtorId)).Append("</h1>\n")
            .Append("<p class=\"muted\">Exported ").Append(E(Time(exportedAt, zone))).Append(" (times in ").Append(E(zone.Id))
            .Append("). Every item below is in this bundle under <code>evidence/</code>; manifest.json holds its SHA-256. ")
            .Append("README.txt explains how to check that nothing was altered.</p>\n");

        foreach (var (caseRef, entries, report) in cases)
        {
            html.Append("<h2>Case ").Append(E(caseRef.CaseId)).Append("</h2>\n<p>")
                .Append(report.Ok
                    ? $"<span class=\"ok\">Chain verified at export: {entries.Count} entries, head SHA-256 </span><span class=\"hash\">{E(report.HeadSha256 ?? "-")}</span>"
                    : $"<span class=\"bad\">Chain verification FAILED at export: {E(string.Join(" ", report.Problems.Select(p => p.Message)))}</span>")
                .Append("</p>\n");

            var caseLetters = entries.Where(e => letters.ContainsKey(e.EntryPath)).Select(e => (Entry: e, Letter: letters[e.EntryPath])).ToList();
            if (caseLetters.Count > 0)
            {
                html.Append("<h3>").Append(nb ? "Brev til skyldneren" : "Letters to the debtor").Append("</h3>\n<table><tr><th>")
                    .Append(nb ? "Dato</th><th>Brev</th><th>Kanal</th><th>Mottaker</th><th>Fakturaer</th><th>Beløp</th><th>Frist</th><th>#" : "Date</th><th>Letter</th><th>Channel</th><th>Recipient</th><th>Invoices</th><th>Amount</th><th>Deadline</th><th>#")
                    .Append("</th></tr>\n");
                foreach (var (archived, letter) in caseLetters.OrderBy(l => l.Entry.Entry.OccurredAt))
                {
                    html.Append("<tr><td>").Append(E(Date(letter.Date, nb))).Append("</td><td><b>").Append(E(letter.Type)).Append("</b></td><td>").Append(E(letter.Channel))
                        .Append("</td><td>").Append(E(letter.Recipient)).Append("</td><td>").Append(E(letter.Invoices)).Append("</td><td>").Append(E(letter.Amount ?? ""))
                        .Append("</td><td>").Append(letter.Deadline is { } deadline ? E(Date(deadline, nb)) : "").Append("</td><td><a href=\"evidence/").Append(E(archived.Entry.ItemPath)).Append("\">")
                        .Append(archived.Entry.Sequence).Append("</a></td></tr>\n");
                }

                html.Append("</table>\n");
            }

            foreach (var section in TimelineSections.Ordered)
            {
                var inSection = entries.Where(e => SectionOf(e.Entry) == section).OrderBy(e => e.Entry.OccurredAt).ThenBy(e => e.Entry.Sequence).ToList();
                if (inSection.Count == 0)
                {
                    continue;
                }

                html.Append("<h3>").Append(headings[section]).Append(nb ? "</h3>\n<table><tr><th>Når</th><th>Hva</th><th>Detaljer</th><th>Av</th><th>#</th></tr>\n" : "</h3>\n<table><tr><th>When</th><th>What</th><th>Details</th><th>By</th><th>#</th></tr>\n");
                foreach (var archived in inSection)
                {
                    var entry = archived.Entry;
                    var what = letters.TryGetValue(archived.EntryPath, out var sentLetter) ? $"{sentLetter.Type} ({sentLetter.Channel}) – {entry.Title}" : entry.Title;
                    html.Append("<tr><td>").Append(E(Time(entry.OccurredAt, zone))).Append("</td><td>").Append(E(what))
                        .Append("</td><td>").Append(Details(entry, section)).Append("</td><td>").Append(E(entry.Actor))
                        .Append("</td><td><a href=\"evidence/").Append(E(entry.ItemPath)).Append("\">").Append(entry.Sequence).Append("</a></td></tr>\n");
                }

                html.Append("</table>\n");
            }

            html.Append("<h3>Complete record in chain order</h3>\n<table><tr><th>#</th><th>Occurred</th><th>Archived</th><th>Kind</th><th>Title</th><th>Item and SHA-256</th></tr>\n");
            foreach (var archived in entries)
            {
                var entry = archived.Entry;
                html.Append("<tr><td>").Append(entry.Sequence).Append("</td><td>").Append(E(Time(entry.OccurredAt, zone)))
                    .Append("</td><td>").Append(E(Time(entry.ArchivedAt, zone))).Append("</td><td>").Append(E(entry.Kind))
                    .Append("</td><td>").Append(E(entry.Title)).Append("</td><td><a href=\"evidence/").Append(E(entry.ItemPath)).Append("\">")
                    .Append(E(entry.ItemPath[(entry.ItemPath.LastIndexOf('/') + 1)..])).Append("</a><br><span class=\"hash\">item ")
                    .Append(E(entry.ItemSha256)).Append("<br>entry ").Append(E(archived.EntrySha256)).Append("</span></td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Details(EvidenceEntry entry, string section)
    {
        var m = entry.Metadata;
        var parts = new List<string>();
        void Add(string label, string key)
        {
            if (m.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{label}: <b>{E(value)}</b>");
            }
        }

        if (section == TimelineSections.Reminder)
        {
            Add("Payment deadline", EvidenceMetadata.Deadline);
            Add("Level", EvidenceMetadata.Level);
        }

        Add("Document", EvidenceMetadata.Document);
        Add("Invoices", EvidenceMetadata.InvoiceNumbers);
        if (m.TryGetValue(EvidenceMetadata.Amount, out var amount))
        {
            parts.Add($"Amount: <b>{E(amount)} {E(m.GetValueOrDefault(EvidenceMetadata.Currency) ?? "")}</b>");
        }

        Add("Due", EvidenceMetadata.DueDate);
        Add("Fee", EvidenceMetadata.Fee);
        Add("Interest", EvidenceMetadata.Interest);
        if (section != TimelineSections.Reminder)
        {
            Add("Deadline", EvidenceMetadata.Deadline);
            Add("Level", EvidenceMetadata.Level);
        }

        Add("Event", EvidenceMetadata.Event);
        Add("To", EvidenceMetadata.To);
        Add("From", EvidenceMetadata.From);
        Add("Subject", EvidenceMetadata.Subject);
        Add("Message id", EvidenceMetadata.MessageId);
        if (m.TryGetValue(EvidenceMetadata.Summary, out var summary))
        {
            parts.Add(E(summary));
        }

        return string.Join("<br>", parts);
    }

    private static string Date(DateOnly date, bool nb) =>
        date.ToString(nb ? "dd.MM.yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Escapes markup only; Norwegian letters stay readable in the page source (the page is UTF-8).</summary>
    private static string E(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
