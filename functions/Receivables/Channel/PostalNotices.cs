using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Channel;

/// <summary>
/// After a reminder is sent: an inkassovarsel to an address the debtor has not confirmed is not left as an email
/// alone (inkassoloven § 3a). The letter exactly as emailed is printed to a PDF, archived, and a send-by-post task
/// opens; the channel is recorded in the evidence (email, and post once a person has posted it). With the policy
/// switch off, or a confirmed address, only the channel and why are recorded.
/// </summary>
public sealed class PostalNotices(
    EmailConfirmation confirmation,
    ILedgerReader ledger,
    IEvidenceArchive archive,
    ITaskStore tasks,
    IOptions<ChannelOptions> options,
    ICreditorDirectory creditors,
    BusinessClock clock,
    ILogger<PostalNotices> logger) : ISentReminderObserver
{
    public async Task OnSentAsync(string creditorId, string debtorId, string caseId, string key, string template, SentEmail sent, CancellationToken cancellationToken)
    {
        if (template != MessageTemplates.CollectionNotice)
        {
            return;
        }

        using var mime = await MimeMessage.LoadAsync(new MemoryStream(sent.RawMime), cancellationToken);

        var debtor = (await ledger.GetDebtorAsync(creditorId, debtorId, cancellationToken))?.Debtor;
        var to = mime.To.Mailboxes.FirstOrDefault()?.Address ?? debtor?.Email ?? "";
        var recipient = mime.To.Mailboxes.FirstOrDefault()?.Name is { Length: > 0 } shown ? shown : debtor?.Name ?? debtorId;
        var confirmedBy = await confirmation.ConfirmedByAsync(creditorId, debtorId, to, cancellationToken);
        if (confirmedBy is not null || !options.Value.PostUnconfirmedNotices)
        {
            await archive.AppendAsync(new EvidenceItem(
                creditorId, debtorId, caseId, EvidenceKinds.Decision, $"Inkassovarsel by email to {to}: " + (confirmedBy is null ? "address not confirmed, posting switched off (Receivables:Channel:PostUnconfirmedNotices)" : "address confirmed by " + confirmedBy),
                "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(confirmedBy ?? "unconfirmed"), Actors.Rule, "channel:" + key, clock.Now,
                new Dictionary<string, string> { [ChannelMetadata.Channel] = "email", [EvidenceMetadata.To] = to, [EvidenceMetadata.Timeline] = TimelineSections.Reminder }), cancellationToken);
            return;
        }

        var creditor = (await creditors.FindAsync(creditorId, cancellationToken))?.Profile
            ?? throw new ReceivablesException($"Creditor '{creditorId}' is not in the creditor registry or settings (retired?): its inkassovarsel to {debtorId} cannot be printed with its letterhead.");
        var english = !(mime.Subject?.StartsWith("Inkassovarsel", StringComparison.Ordinal) ?? true);
        var pdf = PrintedLetter.Render(creditor, recipient, mime.Subject ?? "Inkassovarsel", mime.TextBody ?? "", key, english);
        var receipt = await archive.AppendAsync(new EvidenceItem(
            creditorId, debtorId, caseId, ChannelMetadata.PrintedLetterKind, $"Inkassovarsel to print and post (email {to} not confirmed)", "application/pdf", pdf, Actors.Rule, "post:" + key, clock.Now,
            new Dictionary<string, string> { [ChannelMetadata.Channel] = "post (to be posted)", [EvidenceMetadata.To] = recipient, [EvidenceMetadata.Timeline] = TimelineSections.Reminder, [EvidenceMetadata.Subject] = mime.Subject ?? "" }), cancellationToken);
        await tasks.OpenAsync(
            creditorId,
            TaskKinds.SendByPost,
            debtorId,
            caseId,
            $"Post the inkassovarsel to {recipient}",
            string.Create(CultureInfo.InvariantCulture, $"The inkassovarsel went by email to {to}, an address the debtor has never written from (no reply within {options.Value.ConfirmedEmailDays} days, no recorded consent): inkassoloven § 3a allows an electronic notice only where it reaches the debtor safely. Print the letter and post it today to the debtor's postal address: evidence item {receipt.ItemPath} (in 'evidence export {debtorId}'). Then: tasks done <id> --outcome posted --date YYYY-MM-DD."),
            "post:" + key,
            cancellationToken,
            new TaskFacts { Reason = TaskReasons.NoticeToPost, Reference = to, Threshold = options.Value.ConfirmedEmailDays });
        logger.LogInformation("Inkassovarsel {Key} to unconfirmed address of {DebtorId}: a send-by-post task is open", key, debtorId);
    }
}
