using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;
using Receivables.Replies;

namespace Receivables.DebtorPage;

/// <summary>
/// Reads what one link may show: that debtor's case, its claim (the shared claim computation), the latest ledger lines,
/// and the latest letter from the evidence archive. Nothing of another debtor is ever read.
/// </summary>
public sealed class PageReader(
    ICaseActions cases,
    IClaimStatements claims,
    ILedgerReader ledger,
    IEvidenceReader evidence,
    DebtorLinks links,
    InvoiceCopies copies,
    BusinessClock clock,
    ICreditorDirectory creditors,
    IOptions<RepliesOptions> replies,
    IOptions<PlanPolicy> plans)
{
    /// <summary>The model of the page, or null when the case or its creditor is gone.</summary>
    public async Task<PageModel?> ModelAsync(DebtorLink link, string token, CancellationToken cancellationToken)
    {
        if (await CreditorAsync(link, cancellationToken) is not { } creditor
            || await cases.GetAsync(link.CreditorId, link.DebtorId, cancellationToken) is not { } found
            || found.CaseId != link.CaseId)
        {
            return null;
        }

        var today = clock.Today;
        var lines = await ledger.GetDebtorAsync(link.CreditorId, link.DebtorId, cancellationToken);
        var claim = await claims.GetAsync(link.CreditorId, link.DebtorId, today, cancellationToken);
        var language = (lines?.Debtor.Language ?? creditor.Language) is "en" ? "en" : "nb";
        var open = lines?.Invoices.Where(i => i.OpenAmount > 0m).OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal).ToList() ?? [];
        var documents = new Dictionary<string, Ledger.Parsing.EhfDocument>(StringComparer.Ordinal);
        foreach (var invoice in open)
        {
            if (await copies.FindAsync(link.CreditorId, invoice.InvoiceNumber, cancellationToken) is { } copy)
            {
                documents[invoice.InvoiceNumber] = copy.Document;
            }
        }

        return new PageModel(
            language,
            token,
            creditor,
            lines?.Debtor.Name ?? link.DebtorId,
            found,
            claim,
            open,
            await LatestLetterAsync(link, cancellationToken) is not null,
            today,
            today.AddDays(replies.Value.MaxPromiseDays),
            plans.Value.MinInstallment,
            plans.Value.MaxDurationMonths,
            plans.Value.Frequency,
            form => links.FormToken(token, form))
        {
            Copies = documents,
        };
    }

    public async Task<string?> PageAsync(DebtorLink link, string token, string? done, CancellationToken cancellationToken) =>
        await ModelAsync(link, token, cancellationToken) is { } model ? PageView.Page(model with { Done = done }) : null;

    /// <summary>The case's latest letter (the last email archived for it) as a PDF.</summary>
    public async Task<byte[]?> LetterAsync(DebtorLink link, CancellationToken cancellationToken)
    {
        if (await LatestLetterAsync(link, cancellationToken) is not { } entry || await CreditorAsync(link, cancellationToken) is not { } creditor)
        {
            return null;
        }

        var raw = await evidence.ReadItemAsync(entry.Entry.ItemPath, cancellationToken);
        using var stream = new MemoryStream(raw);
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        var text = message.TextBody ?? ReplyText.HtmlToText(message.HtmlBody ?? "");
        var lines = await ledger.GetDebtorAsync(link.CreditorId, link.DebtorId, cancellationToken);
        var language = (lines?.Debtor.Language ?? creditor.Language) is "en" ? "en" : "nb";
        return new PdfWriter(message.Subject ?? "Letter")
            .Heading(creditor.Name)
            .Line(language == "en" ? "Subject" : "Emne", message.Subject ?? "")
            .Line(language == "en" ? "Sent" : "Sendt", message.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Line(language == "en" ? "To" : "Til", message.To.ToString())
            .Space()
            .Text(text.Trim())
            .ToBytes();
    }

    /// <summary>
    /// A copy of one of the debtor's open invoices: for an invoice that came in as EHF, the EHF document itself rendered
    /// (<see cref="EhfCopyPdf"/>); otherwise the invoice's details as the ledger has them (number, dates, amounts, KID,
    /// where to pay), which the PDF says is not the original. Another debtor's invoice, or none, is null.
    /// </summary>
    public async Task<byte[]?> InvoiceAsync(DebtorLink link, string invoiceNumber, CancellationToken cancellationToken)
    {
        var lines = await ledger.GetDebtorAsync(link.CreditorId, link.DebtorId, cancellationToken);
        var invoice = lines?.Invoices.FirstOrDefault(i => i.InvoiceNumber == invoiceNumber && i.OpenAmount > 0m);
        if (lines is null || invoice is null || await CreditorAsync(link, cancellationToken) is not { } creditor)
        {
            return null;
        }

        var l = (lines.Debtor.Language ?? creditor.Language) is "en" ? "en" : "nb";
        if (await copies.FindAsync(link.CreditorId, invoice.InvoiceNumber, cancellationToken) is { } copy)
        {
            return InvoiceCopies.Pdf(copy, l);
        }

        var en = l == "en";
        return new PdfWriter((en ? "Invoice details " : "Fakturaopplysninger ") + invoice.InvoiceNumber)
            .Heading((en ? "Invoice details " : "Fakturaopplysninger ") + invoice.InvoiceNumber)
            .Line(en ? "From" : "Fra", creditor.Name + (string.IsNullOrWhiteSpace(creditor.OrgNumber) ? "" : ", " + (en ? "org. no. " : "org.nr. ") + creditor.OrgNumber))
            .Line(en ? "To" : "Til", lines.Debtor.Name)
            .Line(en ? "Invoice number" : "Fakturanummer", invoice.InvoiceNumber)
            .Line(en ? "Invoice date" : "Fakturadato", LetterFormat.Date(invoice.InvoiceDate, l))
            .Line(en ? "Due date" : "Forfallsdato", LetterFormat.Date(invoice.DueDate, l))
            .Line(en ? "Amount" : "Beløp", invoice.Currency + " " + LetterFormat.Money(invoice.Amount, l))
            .Line(en ? "Open amount" : "Åpent beløp", invoice.Currency + " " + LetterFormat.Money(invoice.OpenAmount, l))
            .Line("KID", invoice.Kid ?? "–")
            .Line(en ? "Account number" : "Kontonummer", MessageModel.FormatAccount(creditor.BankAccount) ?? "–")
            .Space(12)
            .Text(en
                ? "These are the invoice's details as our accounts show them on " + LetterFormat.Date(clock.Today, l) + ". It is not the original invoice document; ask us for a copy if you need it."
                : "Dette er fakturaens opplysninger slik regnskapet vårt viser dem " + LetterFormat.Date(clock.Today, l) + ". Det er ikke originalfakturaen; be oss om en kopi om du trenger den.")
            .ToBytes();
    }

    /// <summary>
    /// The <paramref name="index"/>th (from 1) embedded attachment of one of the debtor's open EHF invoices, when its
    /// bytes really are a PDF (whatever type the document claims); else null.
    /// </summary>
    public async Task<byte[]?> AttachmentAsync(DebtorLink link, string invoiceNumber, int index, CancellationToken cancellationToken)
    {
        var lines = await ledger.GetDebtorAsync(link.CreditorId, link.DebtorId, cancellationToken);
        if (lines?.Invoices.Any(i => i.InvoiceNumber == invoiceNumber && i.OpenAmount > 0m) != true
            || await copies.FindAsync(link.CreditorId, invoiceNumber, cancellationToken) is not { } copy
            || index < 1 || index > copy.Document.Attachments.Count)
        {
            return null;
        }

        var attachment = copy.Document.Attachments[index - 1];
        return attachment.IsPdf ? attachment.Content : null;
    }

    /// <summary>The link's creditor as the creditor directory has it (settings or registry), or null when it is gone or retired.</summary>
    private async Task<CreditorOptions?> CreditorAsync(DebtorLink link, CancellationToken cancellationToken) =>
        (await creditors.FindAsync(link.CreditorId, cancellationToken))?.Profile;

    private async Task<ArchivedEntry?> LatestLetterAsync(DebtorLink link, CancellationToken cancellationToken)
    {
        var entries = await evidence.ReadCaseAsync(new EvidenceCaseRef(link.CreditorId, link.DebtorId, link.CaseId), cancellationToken);
        return entries.LastOrDefault(e => e.Entry.Kind == EvidenceKinds.OutboundEmail && e.Entry.ContentType == "message/rfc822");
    }
}
