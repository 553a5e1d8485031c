using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Hosting;
using Receivables.Ledger;
using Receivables.Messaging;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>
/// Sends one decided reminder exactly once in effect. Order: intent recorded in the Outbound table (ETag-guarded claim)
/// → decision archived → email sent with the message key as idempotency key → "sent" recorded with the provider's
/// message id → outbound email archived → case's pending entry cleared. After a crash, a redelivery finds the intent and
/// asks the sender whether the key was already sent (<see cref="IEmailSender.FindSentAsync"/>) instead of sending again.
/// </summary>
public sealed class SendReminderHandler(
    ICaseStore cases,
    IOutboundStore outbound,
    DunningPolicies policies,
    ICreditorDirectory creditors,
    ILedgerReader ledger,
    IEmailSender sender,
    CaseMessenger messenger,
    IEvidenceArchive archive,
    ISendStepHook hook,
    IEnumerable<ISentReminderObserver> observers,
    Channel.ContactHours hours,
    IHeldMessageStore held,
    SendFailures failures,
    TimeProvider time,
    ILogger<SendReminderHandler> logger) : IQueueHandler<SendReminderMessage>
{
    /// <summary>How long one delivery holds a recorded intent before another may take over (it crashed).</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    public string Queue => StorageNames.Queues.SendReminder;

    public async Task HandleAsync(SendReminderMessage message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(message, delivery, cancellationToken);
        }
        catch (OutboundBusyException)
        {
            // A duplicate of a message another delivery is sending right now. That delivery finishes it; if it crashes,
            // its own redelivery (or the next cycle's re-queue once the claim runs out) takes over. Nothing to do here.
            logger.LogInformation("Reminder {Key} is being sent by another delivery; this duplicate is dropped", message.Key);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (SendFailures.IsPermanent(e) || delivery.DequeueCount >= StorageNames.Queues.MaxDequeueCount))
        {
            // It cannot be sent (or this was its last try): instead of the poison queue, the case is held and a person is
            // told. A message that did go out is not a failed send: the runtime retries what is left.
            if (!await failures.HoldAsync(message, e, cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task SendAsync(SendReminderMessage message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var record = await outbound.GetAsync(message.CreditorId, message.Key, cancellationToken);
        var state = await cases.GetAsync(message.CreditorId, message.DebtorId, cancellationToken);
        var pending = state?.Pending.FirstOrDefault(p => p.Key == message.Key);
        if (record?.State == OutboundStates.Failed && pending is not null)
        {
            // Failed before, then a person fixed the cause and the cycle decided the same step again on the same day.
            record = await outbound.MarkAsync(record, OutboundStates.Intended, cancellationToken);
        }

        if (record?.State is OutboundStates.Archived or OutboundStates.Cancelled or OutboundStates.Failed)
        {
            await ClearPendingAsync(message, record.MessageId, cancellationToken);
            logger.LogInformation("Reminder {Key} was already handled ({State}); nothing sent", message.Key, record.State);
            return;
        }

        if (record is null && (state is null || pending is null))
        {
            logger.LogInformation("Reminder {Key} is no longer pending for its case; nothing sent", message.Key);
            return;
        }

        if (record is null || record.State == OutboundStates.Intended)
        {
            // Contact hours: a reminder decided outside them waits for the next window (nothing is recorded as intended yet).
            var now = time.GetUtcNow();
            var opens = hours.OpensAt(now);
            if (opens > now)
            {
                await held.PutAsync(HeldMessage.ForReminder(message, opens), cancellationToken);
                var caseId = state?.CaseId ?? DunningCase.CaseIdFor(message.CreditorId, message.DebtorId);
                await messenger.ArchiveHoldAsync(Letter(message, caseId, pending?.Template), now, opens, cancellationToken);
                logger.LogInformation("Reminder {Key} decided outside the contact hours; held until {Until}", message.Key, opens);
                return;
            }
        }

        var fresh = record is null;
        record = await outbound.ClaimAsync(message.CreditorId, message.Key, message.DebtorId, delivery.MessageId, time.GetUtcNow(), Claim, cancellationToken);
        hook.Reached(SendSteps.IntentRecorded, message.Key);

        SentEmail? sent = null;
        if (record.State == OutboundStates.Intended)
        {
            sent = fresh ? null : await sender.FindSentAsync(message.Key, cancellationToken);
            if (sent is null)
            {
                var built = await BuildAsync(state, pending, message, cancellationToken);
                if (built is null)
                {
                    await outbound.MarkAsync(record, OutboundStates.Cancelled, cancellationToken);
                    await ClearPendingAsync(message, null, cancellationToken);
                    logger.LogInformation("Reminder {Key} cancelled: nothing it concerned is still unpaid, the debtor has no email address, or the case was set to never-automatic", message.Key);
                    return;
                }

                await ArchiveDecisionAsync(built.Document, message.Key, cancellationToken);
                sent = await messenger.DeliverAsync(built, cancellationToken);
                logger.LogInformation("Sent reminder {Key} to {DebtorId} as {MessageId}", message.Key, message.DebtorId, sent.MessageId);
                hook.Reached(SendSteps.EmailSent, message.Key);
            }
            else
            {
                logger.LogInformation("Reminder {Key} was already sent as {MessageId} before a crash; recording it, not sending again", message.Key, sent.MessageId);
            }

            record = await outbound.MarkSentAsync(record, sent.MessageId, sent.Provider, time.GetUtcNow(), cancellationToken);
            hook.Reached(SendSteps.SentRecorded, message.Key);
        }

        if (record.State == OutboundStates.Sent)
        {
            sent ??= await sender.FindSentAsync(message.Key, cancellationToken)
                ?? throw new InvalidOperationException($"Reminder {message.Key} is recorded as sent but the sender has no proof of it.");
            var caseId = state?.CaseId ?? DunningCase.CaseIdFor(message.CreditorId, message.DebtorId);
            await messenger.ArchiveAsync(Letter(message, caseId, pending?.Template), sent, cancellationToken);
            foreach (var observer in observers)
            {
                await observer.OnSentAsync(message.CreditorId, message.DebtorId, caseId, message.Key, pending?.Template ?? "", sent, cancellationToken);
            }

            hook.Reached(SendSteps.Archived, message.Key);
            record = await outbound.MarkAsync(record, OutboundStates.Archived, cancellationToken);
        }

        await ClearPendingAsync(message, record.MessageId, cancellationToken);
    }

    private async Task<CaseMessage?> BuildAsync(DunningCase? state, PendingMessage? pending, SendReminderMessage message, CancellationToken cancellationToken)
    {
        // A person set the case to never-automatic after this reminder was queued: it is not sent.
        if (state is null || pending is null || state.NeverAutomatic)
        {
            return null;
        }

        var creditor = (await creditors.FindAsync(message.CreditorId, cancellationToken))?.Profile
            ?? throw new ReceivablesException($"Creditor '{message.CreditorId}' is not configured (Receivables:Creditors:{message.CreditorId} or `creditors add`).");
        var lines = await ledger.GetDebtorAsync(message.CreditorId, message.DebtorId, cancellationToken);
        var policy = lines is null ? null : await policies.ForAsync(message.CreditorId, lines.Debtor, cancellationToken);
        if (lines is null || policy is null)
        {
            return null;
        }

        var document = ReminderContent.Build(state, lines, pending, message.CreditorId, creditor, policy, policies.Rates);
        if (document is null)
        {
            return null;
        }

        var letter = Letter(message, state.CaseId, pending.Template);
        return new CaseMessage(document, message.Key, letter.Actor)
        {
            Title = letter.Title,
            EvidenceKey = letter.EvidenceKey,
            Tags = new Dictionary<string, string> { ["level"] = pending.Level.ToString(CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>How a reminder is filed in the evidence (the escalation gate counts reminders by the "email|" key).</summary>
    private static SentLetter Letter(SendReminderMessage message, string caseId, string? template) =>
        new(message.CreditorId, message.DebtorId, caseId, template, message.Key, Actors.System) { Title = "Reminder " + message.Key, EvidenceKey = "email|" + message.Key };

    private async Task ArchiveDecisionAsync(ReminderDocument document, string key, CancellationToken cancellationToken) =>
        await archive.AppendAsync(
            new EvidenceItem(document.CreditorId, document.DebtorId, document.CaseId, EvidenceKinds.Decision, $"Decision: {document.Template} {document.IssueDate:yyyy-MM-dd}", "application/json", JsonSerializer.SerializeToUtf8Bytes(document, Json.Indented), Actors.Rule, "decision|" + key, time.GetUtcNow(), new Dictionary<string, string> { ["key"] = key, ["template"] = document.Template }),
            cancellationToken);

    private async Task ClearPendingAsync(SendReminderMessage message, string? messageId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var state = await cases.GetAsync(message.CreditorId, message.DebtorId, cancellationToken);
            if (state is null || state.Pending.All(p => p.Key != message.Key))
            {
                return;
            }

            state.Pending.RemoveAll(p => p.Key == message.Key);
            try
            {
                await cases.SaveAsync(state, cancellationToken);
                if (messageId is not null)
                {
                    logger.LogDebug("Case {CaseId}: reminder {Key} confirmed as {MessageId}", state.CaseId, message.Key, messageId);
                }

                return;
            }
            catch (CaseConflictException) when (attempt < 5)
            {
                // Changed meanwhile (cycle or a case action): read again.
            }
        }
    }
}
