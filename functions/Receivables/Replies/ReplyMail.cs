using Microsoft.Extensions.DependencyInjection;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Replies;

/// <summary>
/// Sends the replies feature's messages (acknowledgement, invoice copy, still open) with the facts of the latest
/// ledger, once per idempotency key, and archives what was sent.
/// </summary>
internal sealed class ReplyMail(IServiceProvider services, ReceivablesOptions receivables, BusinessClock clock)
{
    /// <summary>Returns false when there is nothing to say it with (no ledger entry for the debtor or no address).</summary>
    public async Task<bool> SendAsync(CaseView found, string template, string? replyAddress, string key, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        // Until the ledger and email features are registered there is nothing to send with.
        if (services.GetService<ILedgerReader>() is not { } reader || services.GetService<IEmailSender>() is null || services.GetService<IMessageRenderer>() is null)
        {
            return false;
        }

        var ledger = await reader.GetDebtorAsync(found.CreditorId, found.DebtorId, cancellationToken);
        if (ledger is null || !receivables.Creditors.TryGetValue(found.CreditorId, out var creditor))
        {
            return false;
        }

        var to = found.DebtorEmail ?? ledger.Debtor.Email;
        if (string.IsNullOrWhiteSpace(to))
        {
            return false;
        }

        var today = clock.Today;
        var invoices = ledger.Invoices
            .Where(i => i.OpenAmount > 0m && (found.HeldInvoices.Count == 0 || template != MessageTemplates.StillOpen || !found.HeldInvoices.Contains(i.InvoiceNumber)))
            .Select(i => new ReminderInvoice(i.InvoiceNumber, i.InvoiceDate, i.DueDate, i.Amount, i.OpenAmount, i.Kid, Math.Max(0, today.DayNumber - i.DueDate.DayNumber)))
            .ToList();
        var principal = invoices.Sum(i => i.OpenAmount);
        var document = new ReminderDocument(
            template, ledger.Debtor.Language ?? creditor.Language, found.CreditorId, creditor.Name, creditor.OrgNumber, creditor.Email,
            creditor.Phone, creditor.BankAccount, creditor.Address, found.DebtorId, ledger.Debtor.Name, to,
            ledger.Debtor.Type != CustomerType.Consumer, found.CaseId, replyAddress ?? creditor.Email, creditor.Currency,
            invoices, [], principal, principal, today, null, invoices.Count == 1 ? invoices[0].Kid : null, extra);

        var sender = services.GetRequiredService<IEmailSender>();
        var idempotencyKey = key + ":" + template;
        var sent = await sender.FindSentAsync(idempotencyKey, cancellationToken);
        if (sent is null)
        {
            var rendered = await services.GetRequiredService<IMessageRenderer>().RenderAsync(document, cancellationToken);
            sent = await sender.SendAsync(new OutboundEmail(
                idempotencyKey, to, ledger.Debtor.Name, creditor.Email, creditor.Name, replyAddress ?? creditor.Email,
                rendered.Subject, rendered.Text, rendered.Html,
                new Dictionary<string, string> { [EmailCustomArgs.Creditor] = found.CreditorId, [EmailCustomArgs.Debtor] = found.DebtorId, [EmailCustomArgs.Case] = found.CaseId, ["template"] = template }, []), cancellationToken);
        }

        await services.GetRequiredService<IEvidenceArchive>().AppendAsync(new EvidenceItem(
            found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.OutboundEmail, "Sent " + template, "message/rfc822",
            sent.RawMime, Actors.Rule, "sent:" + idempotencyKey, clock.Now,
            new Dictionary<string, string> { ["messageId"] = sent.MessageId, ["template"] = template }), cancellationToken);
        return true;
    }
}
