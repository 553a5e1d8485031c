using System.Globalization;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Plans;

namespace Receivables.Replies;

/// <summary>
/// What a debtor's answer does to the case, per class: pause for a promise (within the promise policy, else a person
/// decides) and confirm it in writing, hold disputed invoices, open a review task and acknowledge the dispute, draft a
/// plan, wait for the ledger after "already paid", resend invoice details, open a contact-change task. Shared by email
/// replies (<see cref="ReplyProcessor"/>) and the debtor's page, so both channels act and write alike.
/// </summary>
public sealed class ReplyActions(
    ICaseActions cases,
    ReplyMail mail,
    IArrangementRequests arrangements,
    ReplyTasks tasks,
    MootTasks moot,
    Ledger.ILedgerReader ledger,
    DebtorPage.InvoiceCopyAttachments invoiceCopies,
    BusinessClock clock,
    IOptions<RepliesOptions> options)
{
    public async Task<ReplyAction> ActAsync(CaseView found, ReplyAnswer answer, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = answer.Key;
        var note = answer.Note;
        var received = answer.Received;
        var thread = answer.Thread;
        var replyAddress = answer.ReplyAddress;
        switch (answer.Class)
        {
            case ReplyClass.PromiseToPay:
                {
                    var promised = answer.Values.Date ?? received.AddDays(settings.PromiseWithoutDateDays);
                    if (promised < received || promised > received.AddDays(settings.MaxPromiseDays))
                    {
                        await OpenTaskAsync(found, TaskKinds.ReviewReply, $"Promise to pay on {promised:yyyy-MM-dd} is outside policy",
                            $"The debtor promises payment on {promised:yyyy-MM-dd}; automatic pauses are limited to {settings.MaxPromiseDays} days. Decide whether to accept it.", key, cancellationToken,
                            new TaskFacts { Reason = TaskReasons.PromiseOutsidePolicy, AboutDate = promised, Threshold = settings.MaxPromiseDays, Subject = answer.Subject, Quote = Excerpt(answer.Text) });
                        return new ReplyAction($"none: promised date {promised:yyyy-MM-dd} outside {settings.MaxPromiseDays} days, task opened");
                    }

                    var until = promised.AddDays(settings.PromiseGraceDays);
                    await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.PromiseToPay, until, null, Actors.Rule, note + $": promised {promised:yyyy-MM-dd}", key, cancellationToken);
                    var held = found.HeldInvoices.ToHashSet(StringComparer.Ordinal);
                    var currency = (await LedgerAsync(found, cancellationToken))?.Invoices.FirstOrDefault()?.Currency ?? "NOK";
                    var sent = await mail.AcknowledgeAsync(found, Email.MessageTemplates.PromiseConfirmation, key, language => new Dictionary<string, string>
                    {
                        ["class"] = "promise",
                        ["promisedDate"] = promised.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["PromisedDate"] = Email.LetterFormat.Date(promised, language),
                        ["PromisedAmount"] = answer.Values.Amount is { } promisedAmount ? LetterMoney.Of(promisedAmount, currency, language) : "",
                    }, cancellationToken, new LetterContent { Thread = thread, ReplyAddress = replyAddress, Deadline = promised, Payable = i => !held.Contains(i.InvoiceNumber) });
                    return new ReplyAction($"paused until {until:yyyy-MM-dd} (promise {promised:yyyy-MM-dd} + {settings.PromiseGraceDays} days); {Acknowledged(sent)}") { ConfirmedInWriting = sent == Acknowledgement.Sent };
                }

            case ReplyClass.Dispute:
                {
                    var invoices = answer.Values.InvoiceNumbers.Count > 0 ? answer.Values.InvoiceNumbers : null;
                    await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.Dispute, null, invoices, Actors.Rule, note, key, cancellationToken);
                    var words = Excerpt(answer.Text);
                    var disputed = invoices is null ? "claim" : string.Join(",", invoices.Order(StringComparer.Ordinal));
                    var disputeTask = await tasks.OpenAsync(found, TaskKinds.ReviewDispute, disputed,
                        $"Dispute on {(invoices is null ? "the claim" : "invoice(s) " + string.Join(", ", invoices))} ({answer.Origin} of {received:yyyy-MM-dd})",
                        $"The debtor disputes {(invoices is null ? "the claim" : "invoice(s) " + string.Join(", ", invoices))}. Dunning is on hold until a person resolves it: tasks done <id> --outcome upheld|rejected|partly (rejected needs --note with the reason; partly needs --amount).",
                        key, cancellationToken,
                        new TaskFacts { Invoices = invoices ?? [], Quote = words, Thread = thread, Reason = TaskReasons.DisputeInReply, AboutDate = received, Reference = invoices is null ? null : disputed });
                    await moot.CloseAsync(found.CreditorId, found.DebtorId,
                        t => t.Kind is TaskKinds.CallDebtor or TaskKinds.DecideEscalation, MootOutcomes.SupersededByDispute,
                        $"the debtor disputes the claim ({answer.Origin}); review task {disputeTask.TaskId} replaces it", cancellationToken);
                    var lines = await LedgerAsync(found, cancellationToken);
                    var onHold = (invoices ?? lines?.Invoices.Where(i => i.OpenAmount > 0m).Select(i => i.InvoiceNumber).ToList() ?? []).ToHashSet(StringComparer.Ordinal);
                    var payable = lines?.Invoices.Where(i => i.OpenAmount > 0m && !onHold.Contains(i.InvoiceNumber)).ToList() ?? [];
                    var sent = await mail.AcknowledgeAsync(found, Email.MessageTemplates.DisputeAcknowledgement, key, language => new Dictionary<string, string>
                    {
                        ["class"] = "dispute",
                        ["Held"] = string.Join(", ", onHold.Order(StringComparer.Ordinal)),
                    }, cancellationToken, new LetterContent
                    {
                        Thread = thread,
                        ReplyAddress = replyAddress,
                        Payable = i => !onHold.Contains(i.InvoiceNumber),
                        Deadline = LetterMoney.Deadline(clock.Today, 14, payable.Select(i => i.DueDate)),
                    }, about: disputed);
                    return new ReplyAction((invoices is null ? "case held for dispute; task opened; " : $"invoices {string.Join(", ", invoices)} held for dispute; task opened; ") + Acknowledged(sent)) { ConfirmedInWriting = sent == Acknowledgement.Sent };
                }

            case ReplyClass.Liquidity:
                {
                    try
                    {
                        var id = await arrangements.RequestAsync(new ArrangementRequest(found.CreditorId, found.DebtorId, found.CaseId, answer.Source,
                            note + ": " + Excerpt(answer.Text), key, answer.Values.Amount, answer.ProposedFrequency), cancellationToken);
                        return new ReplyAction("arrangement requested (" + id + ")");
                    }
                    catch (ReceivablesException e)
                    {
                        // No plan can be drawn up (nothing open any more, no case): a person reads the reply instead.
                        await OpenTaskAsync(found, TaskKinds.ReviewReply, "Arrangement asked for, no plan drafted: " + answer.Subject,
                            e.Message + " The debtor wrote: " + Excerpt(answer.Text), key, cancellationToken,
                            new TaskFacts { Reason = TaskReasons.PlanNotDrafted, Subject = answer.Subject, Quote = Excerpt(answer.Text) });
                        return new ReplyAction("task opened: no plan drafted (" + e.Message + ")");
                    }
                }

            case ReplyClass.AlreadyPaid:
                await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.AwaitingLedger, null, null, Actors.Rule, note + ": says already paid; checked against the next ledger", key, cancellationToken);
                return new ReplyAction("paused until the next ledger confirms the payment", AwaitsLedger: true);

            case ReplyClass.NotReceived:
            case ReplyClass.CopyRequest:
                {
                    // Invoices that came in as EHF go with the letter as copies of the EHF document; the letter itself lists every open invoice.
                    IReadOnlyList<Email.EmailAttachment> copies = [];
                    var sent = await mail.AcknowledgeAsync(
                        found,
                        Email.MessageTemplates.InvoiceCopy,
                        key,
                        language => new Dictionary<string, string> { ["class"] = answer.Class.ToString(), ["Message"] = CopiesAttached(copies.Count, language) },
                        cancellationToken,
                        new LetterContent { Thread = thread, ReplyAddress = replyAddress, Deadline = LetterMoney.Deadline(clock.Today, 14, []) },
                        attachments: async ct => copies = await invoiceCopies.ForDebtorAsync(found.CreditorId, found.DebtorId, ct));
                    await cases.RestartFriendlyStepAsync(found.CreditorId, found.DebtorId, Actors.Rule, note, key, cancellationToken);
                    return new ReplyAction(sent switch
                    {
                        Acknowledgement.Sent when copies.Count > 0 => $"invoice details resent with {copies.Count} EHF invoice cop{(copies.Count == 1 ? "y" : "ies")} attached; friendly step restarted",
                        Acknowledgement.Sent => "invoice details resent; friendly step restarted",
                        Acknowledgement.AlreadyAcknowledged => $"friendly step restarted; invoice details not resent (sent within {settings.AcknowledgeAtMostEvery})",
                        _ => "friendly step restarted (no ledger details to resend)",
                    })
                    { ConfirmedInWriting = sent == Acknowledgement.Sent };
                }

            case ReplyClass.ContactChange:
                await OpenTaskAsync(found, TaskKinds.ContactChange, "Contact change: " + answer.Subject,
                    "The reply says the reminder reached the wrong person or names a new contact: " + Excerpt(answer.Text), key, cancellationToken,
                    new TaskFacts { Reason = TaskReasons.ContactChanged, Subject = answer.Subject, Quote = Excerpt(answer.Text) });
                return new ReplyAction("task opened (contact change)");

            default:
                await OpenTaskAsync(found, TaskKinds.ReviewReply, "Read reply: " + answer.Subject,
                    "No rule recognised this reply: " + Excerpt(answer.Text), key, cancellationToken,
                    new TaskFacts { Reason = TaskReasons.ReplyUnrecognised, Subject = answer.Subject, Quote = Excerpt(answer.Text) });
                return new ReplyAction("task opened (other)");
        }
    }

    /// <summary>The sentence that tells the debtor which copies are attached (empty when none are).</summary>
    private static string CopiesAttached(int count, string language) => (count, language) switch
    {
        (0, _) => "",
        (1, "en") => "A copy of the invoice, made from the electronic invoice (EHF) we sent, is attached as a PDF.",
        (_, "en") => "Copies of the invoices, made from the electronic invoices (EHF) we sent, are attached as PDF files.",
        (1, _) => "Vi har lagt ved en kopi av fakturaen som PDF, laget fra den elektroniske fakturaen (EHF) vi sendte.",
        _ => "Vi har lagt ved kopier av fakturaene som PDF, laget fra de elektroniske fakturaene (EHF) vi sendte.",
    };

    private Task<Ledger.DebtorLedger?> LedgerAsync(CaseView found, CancellationToken cancellationToken) =>
        ledger.GetDebtorAsync(found.CreditorId, found.DebtorId, cancellationToken);

    private Task OpenTaskAsync(CaseView found, string kind, string title, string details, string key, CancellationToken cancellationToken, TaskFacts? facts = null) =>
        tasks.OpenAsync(found, kind, "", title, details, key, cancellationToken, facts);

    private string Acknowledged(Acknowledgement sent) => sent switch
    {
        Acknowledgement.Sent => "acknowledged",
        Acknowledgement.AlreadyAcknowledged => $"not acknowledged again (acknowledged within {options.Value.AcknowledgeAtMostEvery})",
        _ => "not acknowledged (nothing to write it with)",
    };

    private static string Excerpt(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
