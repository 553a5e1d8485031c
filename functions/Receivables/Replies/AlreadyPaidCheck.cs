using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Replies;

/// <summary>
/// "Already paid" replies pause the case until the next accepted ledger. Then: nothing open -> resume (the ladder finds
/// nothing to do); still open -> tell the debtor politely what is still open, and resume.
/// </summary>
public sealed class AlreadyPaidCheck(
    IReplyStore store,
    ICaseActions cases,
    ILedgerReader reader,
    ReplyMail mail,
    IEvidenceArchive archive,
    BusinessClock clock,
    ILogger<AlreadyPaidCheck> logger) : ILedgerObserver, IOpenItemsObserver
{
    public const string AwaitingLedger = "awaiting-ledger";

    /// <summary>
    /// A bank payment applied the same day confirms an "already paid" reply at once when nothing is left open: the debtor
    /// gets the same "payment found" letter and the case resumes as when a ledger shows it. When something is still open
    /// the reply waits for the ledger as before (the bank file may not show every payment).
    /// </summary>
    public async Task OnOpenItemsAdjustedAsync(string creditorId, IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        await foreach (var row in store.ListByStateAsync(AwaitingLedger, cancellationToken))
        {
            if (row.CreditorId == creditorId && row.DebtorId is { } debtorId && debtorIds.Contains(debtorId))
            {
                await CheckAsync(row, creditorId, debtorId, $"reply:{row.ReplyId}:payment", "the bank's payment file", null, onlyWhenPaid: true, cancellationToken);
            }
        }
    }

    public async Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken)
    {
        await foreach (var row in store.ListByStateAsync(AwaitingLedger, cancellationToken))
        {
            if (row.CreditorId != snapshot.CreditorId || row.DebtorId is not { } debtorId || row.ReceivedAt > snapshot.TakenAt)
            {
                continue;
            }

            await CheckAsync(row, snapshot.CreditorId, debtorId, $"reply:{row.ReplyId}:ledger:{snapshot.SnapshotId}", $"ledger {snapshot.SnapshotId}", snapshot.SnapshotId, onlyWhenPaid: false, cancellationToken);
        }
    }

    /// <summary>
    /// The one decision for a waiting reply, whatever showed the money: nothing open -> thank the debtor in writing
    /// (threaded to the reply) and resume, so the ladder finds nothing to do; still open -> tell the debtor what is
    /// still open and ask for the date and reference, and resume (unless <paramref name="onlyWhenPaid"/>: then wait).
    /// </summary>
    private async Task CheckAsync(StoredReply row, string creditorId, string debtorId, string key, string source, string? snapshotId, bool onlyWhenPaid, CancellationToken cancellationToken)
    {
        var ledger = await reader.GetDebtorAsync(creditorId, debtorId, cancellationToken);
        var stillOpen = ledger?.Invoices.Where(i => i.OpenAmount > 0m).ToList() ?? [];
        if (onlyWhenPaid && stillOpen.Count > 0)
        {
            return;
        }

        var replyId = row.ReplyId;
        var found = await cases.GetAsync(creditorId, debtorId, cancellationToken);
        var thread = Email.ReplyThread.FromStored(row.Thread);
        // The letters say where the payment was found: the ledger (a snapshot) or the bank's file of incoming payments.
        var facts = snapshotId is null ? new Dictionary<string, string> { ["source"] = "bank" } : new Dictionary<string, string> { ["snapshot"] = snapshotId, ["source"] = "ledger" };
        string outcome;
        if (found is not null && stillOpen.Count > 0)
        {
            // Not found yet: say so, and ask for the date and the reference the debtor paid with.
            var held = found.HeldInvoices.ToHashSet(StringComparer.Ordinal);
            var told = await mail.SendAsync(found, Email.MessageTemplates.StillOpen, null, key, facts, cancellationToken,
                new Contact.LetterContent { Thread = thread, Payable = i => !held.Contains(i.InvoiceNumber), Deadline = Contact.LetterMoney.Deadline(clock.Today, 14, []) });
            outcome = $"{source} still shows {stillOpen.Count} open invoice(s); " + (told ? "debtor told in writing (asked for the date and reference), ladder resumed" : "no letter (no address), ladder resumed");
        }
        else
        {
            // Found: thank the debtor and close the case in writing.
            var told = found is not null && await mail.SendAsync(found, Email.MessageTemplates.PaymentFound, null, key, facts, cancellationToken, new Contact.LetterContent { Thread = thread });
            outcome = $"{source} confirms the payment; " + (told ? "debtor told in writing that the case is closed" : "no letter (no address)");
        }

        await cases.ResumeAsync(creditorId, debtorId, PauseReason.AwaitingLedger, Actors.Rule, outcome, key, cancellationToken);
        if (found is not null)
        {
            await archive.AppendAsync(new EvidenceItem(
                found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.Decision, "Already-paid check: " + outcome, "text/plain",
                System.Text.Encoding.UTF8.GetBytes(outcome), Actors.Rule, key + ":decision", clock.Now,
                new Dictionary<string, string> { ["replyId"] = replyId }), cancellationToken);
        }

        await store.UpdateAsync(replyId, new Dictionary<string, object?> { ["State"] = ReplyProcessor.Processed, ["Action"] = outcome }, cancellationToken);
        logger.LogInformation("Already-paid reply {ReplyId} of {CreditorId}/{DebtorId} checked against {Source}: {Outcome}", replyId, creditorId, debtorId, source, outcome);
    }
}
