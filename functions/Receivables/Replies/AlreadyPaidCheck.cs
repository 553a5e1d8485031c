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
    ILogger<AlreadyPaidCheck> logger) : ILedgerObserver
{
    public const string AwaitingLedger = "awaiting-ledger";

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
            if (found is not null && stillOpen.Count > 0)
            {
                await mail.SendAsync(found, Email.MessageTemplates.StillOpen, null, key,
                    new Dictionary<string, string> { ["snapshot"] = snapshot.SnapshotId }, cancellationToken);
                outcome = $"ledger {snapshot.SnapshotId} still shows {stillOpen.Count} open invoice(s); debtor told, ladder resumed";
            }
            else
            {
                outcome = $"ledger {snapshot.SnapshotId} confirms the payment";
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
