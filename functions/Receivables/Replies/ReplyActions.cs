using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Plans;

namespace Receivables.Replies;

/// <summary>
/// What a debtor's answer does to the case, per class: pause for a promise (within the promise policy, else a person
/// decides), hold disputed invoices and open a task, draft a plan, wait for the ledger after "already paid", resend
/// invoice details, open a contact-change task. Shared by email replies (<see cref="ReplyProcessor"/>) and the debtor's
/// page, so both channels act alike.
/// </summary>
public sealed class ReplyActions(
    IServiceProvider services,
    ITaskStore tasks,
    BusinessClock clock,
    IOptions<RepliesOptions> options,
    IOptions<ReceivablesOptions> receivables)
{
    public async Task<ReplyOutcome> ActAsync(CaseView found, ReplyAction reply, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cases = services.GetRequiredService<ICaseActions>();
        var mail = new ReplyMail(services, receivables.Value, clock);
        var key = reply.Key;
        var note = reply.Note;
        switch (reply.Class)
        {
            case ReplyClass.PromiseToPay:
                {
                    var promised = reply.Values.Date ?? reply.Received.AddDays(settings.PromiseWithoutDateDays);
                    if (promised < reply.Received || promised > reply.Received.AddDays(settings.MaxPromiseDays))
                    {
                        await OpenTaskAsync(found, TaskKinds.ReviewReply, $"Promise to pay on {promised:yyyy-MM-dd} is outside policy",
                            $"The debtor promises payment on {promised:yyyy-MM-dd}; automatic pauses are limited to {settings.MaxPromiseDays} days. Decide whether to accept it.", key, cancellationToken);
                        return new($"none: promised date {promised:yyyy-MM-dd} outside {settings.MaxPromiseDays} days, task opened", false, true);
                    }

                    var until = promised.AddDays(settings.PromiseGraceDays);
                    await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.PromiseToPay, until, null, Actors.Rule, note + $": promised {promised:yyyy-MM-dd}", key, cancellationToken);
                    var sent = await mail.SendAsync(found, Email.MessageTemplates.Acknowledgement, reply.ReplyAddress, key, new Dictionary<string, string> { ["class"] = "promise", ["promisedDate"] = promised.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
                    return new($"paused until {until:yyyy-MM-dd} (promise {promised:yyyy-MM-dd} + {settings.PromiseGraceDays} days); acknowledged", sent, false);
                }

            case ReplyClass.Dispute:
                {
                    var invoices = reply.Values.InvoiceNumbers.Count > 0 ? reply.Values.InvoiceNumbers : null;
                    await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.Dispute, null, invoices, Actors.Rule, note, key, cancellationToken);
                    await OpenTaskAsync(found, TaskKinds.ReviewDispute, "Dispute: " + reply.Subject,
                        $"The debtor disputes {(invoices is null ? "the claim" : "invoice(s) " + string.Join(", ", invoices))}. Dunning is on hold until a person resolves it."
                        + (string.IsNullOrWhiteSpace(reply.Text) ? "" : " The debtor wrote: " + Excerpt(reply.Text)), key, cancellationToken);
                    var sent = await mail.SendAsync(found, Email.MessageTemplates.Acknowledgement, reply.ReplyAddress, key, new Dictionary<string, string> { ["class"] = "dispute" }, cancellationToken);
                    return new(invoices is null ? "case held for dispute; task opened; acknowledged" : $"invoices {string.Join(", ", invoices)} held for dispute; task opened; acknowledged", sent, true);
                }

            case ReplyClass.Liquidity:
                {
                    var arrangements = services.GetRequiredService<IArrangementRequests>();
                    try
                    {
                        var id = await arrangements.RequestAsync(new ArrangementRequest(found.CreditorId, found.DebtorId, found.CaseId, reply.Source,
                            note + ": " + Excerpt(reply.Text), key, reply.Values.Amount, reply.ProposedFrequency), cancellationToken);
                        return new("arrangement requested (" + id + ")", false, true);
                    }
                    catch (ReceivablesException e)
                    {
                        // No plan can be drawn up (nothing open any more, no case): a person reads the reply instead.
                        await OpenTaskAsync(found, TaskKinds.ReviewReply, "Arrangement asked for, no plan drafted: " + reply.Subject,
                            e.Message + " The debtor wrote: " + Excerpt(reply.Text), key, cancellationToken);
                        return new("task opened: no plan drafted (" + e.Message + ")", false, true);
                    }
                }

            case ReplyClass.AlreadyPaid:
                await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.AwaitingLedger, null, null, Actors.Rule, note + ": says already paid; checked against the next ledger", key, cancellationToken);
                return new("paused until the next ledger confirms the payment", false, false);

            case ReplyClass.NotReceived:
            case ReplyClass.CopyRequest:
                {
                    var sent = await mail.SendAsync(found, Email.MessageTemplates.InvoiceCopy, reply.ReplyAddress, key, new Dictionary<string, string> { ["class"] = reply.Class.ToString() }, cancellationToken);
                    await cases.RestartFriendlyStepAsync(found.CreditorId, found.DebtorId, Actors.Rule, note, key, cancellationToken);
                    return new(sent ? "invoice details resent; friendly step restarted" : "friendly step restarted (no ledger details to resend)", sent, false);
                }

            case ReplyClass.AutoReply:
                return new("none: auto-reply", false, false);

            case ReplyClass.ContactChange:
                await OpenTaskAsync(found, TaskKinds.ContactChange, "Contact change: " + reply.Subject,
                    "The reply says the reminder reached the wrong person or names a new contact: " + Excerpt(reply.Text), key, cancellationToken);
                return new("task opened (contact change)", false, true);

            default:
                await OpenTaskAsync(found, TaskKinds.ReviewReply, "Read reply: " + reply.Subject,
                    "No rule recognised this reply: " + Excerpt(reply.Text), key, cancellationToken);
                return new("task opened (other)", false, true);
        }
    }

    private Task OpenTaskAsync(CaseView found, string kind, string title, string details, string key, CancellationToken cancellationToken) =>
        tasks.OpenAsync(found.CreditorId, kind, found.DebtorId, found.CaseId, title, details, key + ":" + kind, cancellationToken);

    private static string Excerpt(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
