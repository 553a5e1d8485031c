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
    ReplyStore store,
    ICaseActions cases,
    ILedgerReader reader,
    ReplyMail mail,
    IEvidenceArchive archive,
    BusinessClock clock,
    ILogger<AlreadyPaidCheck> logger) : ILedgerObserver, IOpenItemsObserver
{
    public const string AwaitingLedger = "awaiting-ledger";

    /// <summary>
    /// A bank payment applied the same day confirms an "already paid" reply at once when nothing is left open; when
    /// something is, the reply waits for the ledger as before (the bank file may not show every payment).
    /// </summary>
    public async Task OnOpenItemsAdjustedAsync(string creditorId, IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        await foreach (var row in store.ListByStateAsync(AwaitingLedger, cancellationToken))
        {
            var debtorId = row.GetString("DebtorId");
            if (row.GetString("CreditorId") != creditorId || debtorId is null || !debtorIds.Contains(debtorId))
            {
                continue;
            }

            var ledger = await reader.GetDebtorAsync(creditorId, debtorId, cancellationToken);
            if (ledger is null || ledger.Invoices.Any(i => i.OpenAmount > 0m))
            {
                continue;
            }

            var replyId = row.RowKey;
            var key = $"reply:{replyId}:payment";
            const string outcome = "a bank payment confirms it: nothing is open any more";
            await cases.ResumeAsync(creditorId, debtorId, PauseReason.AwaitingLedger, Actors.Rule, outcome, key, cancellationToken);
            if (await cases.GetAsync(creditorId, debtorId, cancellationToken) is { } found)
            {
                await archive.AppendAsync(new EvidenceItem(
                    found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.Decision, "Already-paid check: " + outcome, "text/plain",
                    System.Text.Encoding.UTF8.GetBytes(outcome), Actors.Rule, key + ":decision", clock.Now,
                    new Dictionary<string, string> { ["replyId"] = replyId }), cancellationToken);
            }

            await store.UpdateAsync(replyId, new Dictionary<string, object?> { ["State"] = ReplyProcessor.Processed, ["Action"] = outcome }, cancellationToken);
            logger.LogInformation("Already-paid reply {ReplyId} confirmed by a bank payment for {CreditorId}/{DebtorId}", replyId, creditorId, debtorId);
        }
    }

    public async Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken)
    {
        await foreach (var row in store.ListByStateAsync(AwaitingLedger, cancellationToken))
        {
            if (row.GetString("CreditorId") != snapshot.CreditorId || row.GetDateTimeOffset("ReceivedAt") is not { } receivedAt || receivedAt > snapshot.TakenAt)
            {
                continue;
            }

            var replyId = row.RowKey;
            var debtorId = row.GetString("DebtorId")!;
            var found = await cases.GetAsync(snapshot.CreditorId, debtorId, cancellationToken);
            var ledger = await reader.GetDebtorAsync(snapshot.CreditorId, debtorId, cancellationToken);
            var stillOpen = ledger?.Invoices.Where(i => i.OpenAmount > 0m).ToList() ?? [];
            var key = $"reply:{replyId}:ledger:{snapshot.SnapshotId}";
            string outcome;
            var thread = Email.ReplyThread.FromStored(row.GetString("Thread"));
            if (found is not null && stillOpen.Count > 0)
            {
                // Not found yet: say so, and ask for the date and the reference the debtor paid with.
                var held = found.HeldInvoices.ToHashSet(StringComparer.Ordinal);
                var told = await mail.SendAsync(found, Email.MessageTemplates.StillOpen, null, key,
                    new Dictionary<string, string> { ["snapshot"] = snapshot.SnapshotId }, cancellationToken,
                    new Contact.LetterContent { Thread = thread, Payable = i => !held.Contains(i.InvoiceNumber), Deadline = Contact.LetterMoney.Deadline(clock.Today, 14, []) });
                outcome = $"ledger {snapshot.SnapshotId} still shows {stillOpen.Count} open invoice(s); " + (told ? "debtor told in writing (asked for the date and reference), ladder resumed" : "no letter (no address), ladder resumed");
            }
            else
            {
                // Found: thank the debtor and close the case in writing.
                var told = found is not null && await mail.SendAsync(found, Email.MessageTemplates.PaymentFound, null, key,
                    new Dictionary<string, string> { ["snapshot"] = snapshot.SnapshotId }, cancellationToken, new Contact.LetterContent { Thread = thread });
                outcome = $"ledger {snapshot.SnapshotId} confirms the payment; " + (told ? "debtor told in writing that the case is closed" : "no letter (no address)");
            }

            await cases.ResumeAsync(snapshot.CreditorId, debtorId, PauseReason.AwaitingLedger, Actors.Rule, outcome, key, cancellationToken);
            if (found is not null)
            {
                await archive.AppendAsync(new EvidenceItem(
                    found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.Decision, "Already-paid check: " + outcome, "text/plain",
                    System.Text.Encoding.UTF8.GetBytes(outcome), Actors.Rule, key + ":decision", clock.Now,
                    new Dictionary<string, string> { ["replyId"] = replyId }), cancellationToken);
            }

            await store.UpdateAsync(replyId, new Dictionary<string, object?> { ["State"] = ReplyProcessor.Processed, ["Action"] = outcome }, cancellationToken);
            logger.LogInformation("Already-paid reply {ReplyId} checked against snapshot {SnapshotId}: {Outcome}", replyId, snapshot.SnapshotId, outcome);
        }
    }
}
