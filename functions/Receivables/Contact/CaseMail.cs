using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Contact;

/// <summary>
/// Sends a written message about a case (call confirmation, set-off notice) with the facts of the latest ledger:
/// rendered by <see cref="IMessageRenderer"/>, replies threaded to the case's reply token, sent once per idempotency key
/// (the sender's record is checked first) and archived as evidence.
/// </summary>
public sealed class CaseMail(
    ILedgerReader ledger,
    IEmailSender sender,
    IMessageRenderer renderer,
    IEvidenceArchive archive,
    IOptions<ReceivablesOptions> receivables,
    BusinessClock clock)
{
    /// <summary>The document the message states (latest ledger facts), or null when there is nothing to send it with.</summary>
    public async Task<ReminderDocument?> DocumentAsync(CaseView found, string template, Func<string, IReadOnlyDictionary<string, string>> extraFor, CancellationToken cancellationToken)
    {
        var lines = await ledger.GetDebtorAsync(found.CreditorId, found.DebtorId, cancellationToken);
        if (lines is null || !receivables.Value.Creditors.TryGetValue(found.CreditorId, out var creditor))
        {
            return null;
        }

        var to = found.DebtorEmail ?? lines.Debtor.Email;
        if (string.IsNullOrWhiteSpace(to))
        {
            return null;
        }

        var today = clock.Today;
        var invoices = lines.Invoices
            .Where(i => i.OpenAmount > 0m)
            .Select(i => new ReminderInvoice(i.InvoiceNumber, i.InvoiceDate, i.DueDate, i.Amount, i.OpenAmount, i.Kid, Math.Max(0, today.DayNumber - i.DueDate.DayNumber)))
            .ToList();
        var principal = invoices.Sum(i => i.OpenAmount);
        var language = lines.Debtor.Language ?? creditor.Language;
        var replyAddress = ReminderContent.ReplyAddress(creditor.Email, found.ReplyToken);
        return new ReminderDocument(
            template, language, found.CreditorId, creditor.Name, creditor.OrgNumber, creditor.Email,
            creditor.Phone, creditor.BankAccount, creditor.Address, found.DebtorId, lines.Debtor.Name, to,
            lines.Debtor.Type != CustomerType.Consumer, found.CaseId, replyAddress, lines.Invoices.FirstOrDefault()?.Currency ?? creditor.Currency,
            invoices, [], principal, principal, today, null, invoices.Count == 1 ? invoices[0].Kid : null, extraFor(language));
    }

    /// <summary>The message as <see cref="SendAsync"/> would send it, rendered but not sent (null as there).</summary>
    public async Task<RenderedMessage?> PreviewAsync(CaseView found, string template, Func<string, IReadOnlyDictionary<string, string>> extraFor, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(found, template, extraFor, cancellationToken);
        return document is null ? null : await renderer.RenderAsync(document, cancellationToken);
    }

    /// <summary>The sent message, or null when there is nothing to send it with (no ledger entry or no address).</summary>
    public async Task<SentEmail?> SendAsync(CaseView found, string template, string key, Func<string, IReadOnlyDictionary<string, string>> extraFor, string actor, CancellationToken cancellationToken, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        var document = await DocumentAsync(found, template, extraFor, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var creditor = receivables.Value.Creditors[found.CreditorId];
        var sent = await sender.FindSentAsync(key, cancellationToken);
        if (sent is null)
        {
            var rendered = await renderer.RenderAsync(document, cancellationToken);
            sent = await sender.SendAsync(new OutboundEmail(
                key, document.DebtorEmail, document.DebtorName, creditor.Email, creditor.Name, document.ReplyAddress,
                rendered.Subject, rendered.Text, rendered.Html,
                new Dictionary<string, string> { [EmailCustomArgs.Creditor] = found.CreditorId, [EmailCustomArgs.Debtor] = found.DebtorId, [EmailCustomArgs.Case] = found.CaseId, ["template"] = template }, attachments ?? []), cancellationToken);
        }

        await archive.AppendAsync(new EvidenceItem(
            found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.OutboundEmail, "Sent " + template, "message/rfc822",
            sent.RawMime, actor, "sent:" + key, clock.Now,
            new Dictionary<string, string> { [EvidenceMetadata.MessageId] = sent.MessageId, ["template"] = template, [EvidenceMetadata.To] = document.DebtorEmail }), cancellationToken);
        return sent;
    }
}
