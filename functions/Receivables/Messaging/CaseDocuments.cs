using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;

namespace Receivables.Messaging;

/// <summary>
/// Puts together the document of every message about a case, so that each states the parties, invoices, amounts,
/// currency, language and reply address the same way: <see cref="Create"/> from given lines (reminders, samples),
/// <see cref="ForCaseAsync"/> from the debtor's latest ledger (acknowledgements, confirmations, notices).
/// </summary>
public sealed class CaseDocuments(ILedgerReader ledger, ICreditorDirectory creditors, BusinessClock clock)
{
    /// <summary>
    /// The document for a message about <paramref name="found"/> with the open invoices of the latest ledger, or null
    /// when there is nothing to send it with (no ledger entry, an unknown creditor or no address).
    /// <paramref name="extraFor"/> gives the template's extra fields in the letter's language; replies go to
    /// <paramref name="replyAddress"/> when given, else to the case's plus-address.
    /// </summary>
    public async Task<ReminderDocument?> ForCaseAsync(CaseView found, string template, Func<string, IReadOnlyDictionary<string, string>> extraFor, CancellationToken cancellationToken, string? replyAddress = null, Contact.LetterContent? content = null)
    {
        var lines = await ledger.GetDebtorAsync(found.CreditorId, found.DebtorId, cancellationToken);
        if (lines is null && found.DebtorName is { Length: > 0 } name && found.DebtorEmail is not null)
        {
            // Paid in full, the debtor has left the ledger: the case still knows whom to write to.
            lines = new DebtorLedger(new Debtor(found.CreditorId, found.DebtorId, name, found.DebtorEmail, found.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null), []);
        }

        if (lines is null || await creditors.FindAsync(found.CreditorId, cancellationToken) is not { Profile: var creditor })
        {
            return null;
        }

        var to = found.DebtorEmail ?? lines.Debtor.Email;
        if (string.IsNullOrWhiteSpace(to))
        {
            return null;
        }

        var today = clock.Today;
        var open = lines.Invoices
            .Where(i => i.OpenAmount > 0m && !(LeavesOutHeldInvoices(template) && found.HeldInvoices.Contains(i.InvoiceNumber)))
            .Where(i => content?.Payable is null || content.Payable(i))
            .ToList();
        var language = LanguageOf(lines.Debtor, creditor);
        var charges = open.Count == 0 ? [] : content?.Charges?.Invoke(language) ?? [];
        return Create(
            template, language, found.CreditorId, creditor, lines.Debtor with { Email = to }, found.CaseId,
            content?.ReplyAddress ?? replyAddress ?? ReminderContent.ReplyAddress(creditor.Email, found.ReplyToken), open.FirstOrDefault()?.Currency ?? lines.Invoices.FirstOrDefault()?.Currency,
            open.Select(i => Line(i, today)).ToList(), charges, today, open.Count == 0 ? null : content?.Deadline, extraFor(language));
    }

    /// <summary>
    /// The one constructor of a case document: principal and total rounded to the minor unit, the KID when exactly one
    /// invoice is open, the currency of the invoices (else the creditor's).
    /// </summary>
    public static ReminderDocument Create(
        string template,
        string language,
        string creditorId,
        CreditorOptions creditor,
        Debtor debtor,
        string caseId,
        string replyAddress,
        string? currency,
        IReadOnlyList<ReminderInvoice> invoices,
        IReadOnlyList<ReminderCharge> charges,
        DateOnly issueDate,
        DateOnly? deadline,
        IReadOnlyDictionary<string, string>? extra)
    {
        var open = invoices.Where(i => i.OpenAmount > 0m).ToList();
        var principal = Rounding.ToMinorUnit(invoices.Sum(i => i.OpenAmount));
        var letterCurrency = currency ?? creditor.Currency;

        // The total is in the invoices' currency: a charge in another currency (NOK fees on a USD invoice) has its own total.
        var sameCurrency = charges.Where(c => c.Currency is null || c.Currency == letterCurrency).Sum(c => c.Amount);
        return new ReminderDocument(
            template, language, creditorId, creditor.Name, creditor.OrgNumber, creditor.Email, creditor.Phone, creditor.BankAccount,
            creditor.Address, debtor.DebtorId, debtor.Name, debtor.Email ?? "", debtor.Type == CustomerType.Business, caseId, replyAddress,
            letterCurrency, invoices, charges, principal, Rounding.ToMinorUnit(principal + sameCurrency),
            issueDate, deadline, open.Count == 1 ? open[0].Kid : null, extra);
    }

    /// <summary>The letter's language: the debtor's, else the creditor's; "en" or "nb".</summary>
    public static string LanguageOf(Debtor debtor, CreditorOptions creditor) =>
        string.Equals(debtor.Language ?? creditor.Language, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "nb";

    /// <summary>An invoice as a letter lists it, with its days overdue on <paramref name="on"/>.</summary>
    public static ReminderInvoice Line(OpenInvoice invoice, DateOnly on) =>
        new(invoice.InvoiceNumber, invoice.InvoiceDate, invoice.DueDate, invoice.Amount, invoice.OpenAmount, invoice.Kid, Math.Max(0, on.DayNumber - invoice.DueDate.DayNumber));

    /// <summary>"Still open" tells the debtor what remains to pay: invoices held for a dispute are not asked for.</summary>
    private static bool LeavesOutHeldInvoices(string template) => template == MessageTemplates.StillOpen;
}
