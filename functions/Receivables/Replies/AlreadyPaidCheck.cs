using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    IServiceProvider services,
    BusinessClock clock,
    IOptions<ReceivablesOptions> receivables,
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

            var ledger = services.GetService<ILedgerReader>() is { } reader ? await reader.GetDebtorAsync(creditorId, debtorId, cancellationToken) : null;
            if (ledger is null || ledger.Invoices.Any(i => i.OpenAmount > 0m))
            {
                continue;
            }

            var replyId = row.RowKey;
            var key = $"reply:{replyId}:payment";
            const string outcome = "a bank payment confirms it: nothing is open any more";
            var cases = services.GetRequiredService<ICaseActions>();
            await cases.ResumeAsync(creditorId, debtorId, PauseReason.AwaitingLedger, Actors.Rule, outcome, key, cancellationToken);
            if (await cases.GetAsync(creditorId, debtorId, cancellationToken) is { } found)
            {
                await services.GetRequiredService<IEvidenceArchive>().AppendAsync(new EvidenceItem(
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
            var cases = services.GetRequiredService<ICaseActions>();
            var found = await cases.GetAsync(snapshot.CreditorId, debtorId, cancellationToken);
            var ledger = services.GetService<ILedgerReader>() is { } reader ? await reader.GetDebtorAsync(snapshot.CreditorId, debtorId, cancellationToken) : null;
            var stillOpen = ledger?.Invoices.Where(i => i.OpenAmount > 0m).ToList() ?? [];
            var key = $"reply:{replyId}:ledger:{snapshot.SnapshotId}";
            string outcome;
            if (found is not null && stillOpen.Count > 0)
            {
                await new ReplyMail(services, receivables.Value, clock).SendAsync(found, Email.MessageTemplates.StillOpen, null, key,
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
                await services.GetRequiredService<IEvidenceArchive>().AppendAsync(new EvidenceItem(
                    found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.Decision, "Already-paid check: " + outcome, "text/plain",
                    System.Text.Encoding.UTF8.GetBytes(outcome), Actors.Rule, key + ":decision", clock.Now,
                    new Dictionary<string, string> { ["replyId"] = replyId }), cancellationToken);
            }

            await store.UpdateAsync(replyId, new Dictionary<string, object?> { ["State"] = ReplyProcessor.Processed, ["Action"] = outcome }, cancellationToken);
            logger.LogInformation("Already-paid reply {ReplyId} checked against snapshot {SnapshotId}: {Outcome}", replyId, snapshot.SnapshotId, outcome);
        }
    }
}
