using System.Globalization;
using Receivables.Common;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Messaging;

namespace Receivables.DebtorPage;

/// <summary>
/// The copies to attach when a debtor asks for the invoice by email: for each open invoice that came in as EHF, the EHF
/// document rendered as a PDF (<see cref="EhfCopyPdf"/>) in the letter's language, as the debtor's page offers it.
/// Invoices from the ledger alone get no attachment: the letter itself repeats their details.
/// </summary>
public sealed class InvoiceCopyAttachments(InvoiceCopies copies, ILedgerReader ledger, ICreditorDirectory creditors)
{
    /// <summary>At most this many copies go with one letter (the oldest open invoices first); the page has the rest.</summary>
    public const int MaxCopies = 10;

    public async Task<IReadOnlyList<EmailAttachment>> ForDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken)
    {
        var lines = await ledger.GetDebtorAsync(creditorId, debtorId, cancellationToken);
        if (lines is null || await creditors.FindAsync(creditorId, cancellationToken) is not { } creditor)
        {
            return [];
        }

        var language = CaseDocuments.LanguageOf(lines.Debtor, creditor.Profile);
        var attachments = new List<EmailAttachment>();
        foreach (var invoice in lines.Invoices.Where(i => i.OpenAmount > 0m).OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal))
        {
            if (attachments.Count == MaxCopies)
            {
                break;
            }

            if (await copies.FindAsync(creditorId, invoice.InvoiceNumber, cancellationToken) is { } copy)
            {
                var kind = copy.Document.IsCreditNote ? (language == "en" ? "credit-note" : "kreditnota") : (language == "en" ? "invoice" : "faktura");
                attachments.Add(new EmailAttachment(
                    string.Create(CultureInfo.InvariantCulture, $"{kind}-{FileSafe(invoice.InvoiceNumber)}.pdf"),
                    "application/pdf",
                    InvoiceCopies.Pdf(copy, language)));
            }
        }

        return attachments;
    }

    private static string FileSafe(string number) =>
        new([.. number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
