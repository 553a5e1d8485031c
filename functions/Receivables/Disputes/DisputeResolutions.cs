using System.Globalization;
using Microsoft.Extensions.Logging;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Messaging;

namespace Receivables.Disputes;

/// <summary>
/// A person's resolution of a <see cref="TaskKinds.ReviewDispute"/> task. <c>rejected</c> (reason in <c>--note</c>):
/// the debtor gets the reason and a new deadline in writing, then the ladder resumes where it stood, with no step (and so
/// no fee) before that deadline. <c>upheld</c>: the disputed invoices stay held until the ledger shows the credit note,
/// and the debtor is told. <c>partly</c> (<c>--amount</c> credited): the debtor is told what is credited and what is
/// left to pay by the deadline; the invoices stay held until the ledger shows the credit. A held case is never left
/// without an open task: upheld and partly open a <see cref="TaskKinds.BookCreditNote"/> task.
/// </summary>
public sealed class DisputeResolutions(
    ICaseActions cases,
    ITaskStore tasks,
    ILedgerReader ledger,
    CaseMessenger mail,
    BusinessClock clock,
    ILogger<DisputeResolutions> logger) : ITaskOutcomeHandler
{
    public string Kind => TaskKinds.ReviewDispute;

    public IReadOnlyList<string> Outcomes => DisputeOutcomes.All;

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var found = (task.DebtorId is null ? null : await cases.GetAsync(task.CreditorId, task.DebtorId, cancellationToken))
            ?? throw new ReceivablesException($"Task {task.TaskId} has no dunning case (debtor '{task.DebtorId}').");
        var lines = await ledger.GetDebtorAsync(found.CreditorId, found.DebtorId, cancellationToken);
        var open = lines?.Invoices.Where(i => i.OpenAmount > 0m).ToList() ?? [];
        var disputed = open.Where(i => task.Facts.Invoices.Contains(i.InvoiceNumber, StringComparer.Ordinal)).ToList();
        if (disputed.Count == 0)
        {
            disputed = found.HeldInvoices.Count > 0 ? open.Where(i => found.HeldInvoices.Contains(i.InvoiceNumber, StringComparer.Ordinal)).ToList() : open;
        }

        var today = clock.Today;
        var deadline = outcome.Date ?? NorwegianCalendar.OnOrNextBusinessDay(today.AddDays(DisputeOutcomes.DefaultDeadlineDays));
        if (deadline <= today)
        {
            throw new ReceivablesException($"--date {deadline:yyyy-MM-dd} must be after today: it is the debtor's new deadline.");
        }

        var numbers = disputed.Select(i => i.InvoiceNumber).ToList();
        var disputedOpen = disputed.Sum(i => i.OpenAmount);
        var currency = disputed.FirstOrDefault()?.Currency ?? "NOK";
        var knownCredits = lines?.Invoices.Where(i => i.OpenAmount < 0m).Select(i => i.InvoiceNumber).ToList() ?? [];
        var key = "dispute:" + task.TaskId;
        var note = $"Dispute {task.TaskId} resolved: {outcome.Outcome}" + (outcome.Note is { Length: > 0 } n ? " – " + n : "");
        var heldElsewhere = found.HeldInvoices.Except(numbers, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        decimal? creditTo;
        decimal credited;
        switch (outcome.Outcome)
        {
            case DisputeOutcomes.Rejected:
                if (string.IsNullOrWhiteSpace(outcome.Note))
                {
                    throw new ReceivablesException("--outcome rejected needs --note with the reason: the debtor gets it in writing.");
                }

                creditTo = null;
                credited = 0m;
                break;
            case DisputeOutcomes.Partly:
                credited = outcome.Amount ?? throw new ReceivablesException("--outcome partly needs --amount: the amount credited.");
                if (credited <= 0m || credited >= disputedOpen)
                {
                    throw new ReceivablesException(string.Create(CultureInfo.InvariantCulture, $"--amount {credited:0.00} must be more than 0 and less than the disputed open amount {disputedOpen:0.00} (use upheld to credit it all)."));
                }

                creditTo = disputedOpen - credited;
                break;
            default:
                credited = disputedOpen;
                creditTo = 0m;
                break;
        }

        await cases.ResolveDisputeAsync(found.CreditorId, found.DebtorId, new DisputeResolution(numbers, deadline, creditTo, knownCredits), outcome.Actor, note, key, cancellationToken);
        var effect = outcome.Outcome switch
        {
            DisputeOutcomes.Rejected => string.Create(CultureInfo.InvariantCulture, $"dispute rejected; new deadline {deadline:yyyy-MM-dd}, then the ladder resumes where it stood"),
            DisputeOutcomes.Partly => string.Create(CultureInfo.InvariantCulture, $"{credited:0.00} {currency} to be credited; {creditTo:0.00} due by {deadline:yyyy-MM-dd}; held until the ledger shows the credit note"),
            _ => string.Create(CultureInfo.InvariantCulture, $"dispute upheld: {disputedOpen:0.00} {currency} to be credited; held until the ledger shows the credit note"),
        };

        if (creditTo is not null)
        {
            var book = await tasks.OpenAsync(found.CreditorId, TaskKinds.BookCreditNote, found.DebtorId, found.CaseId,
                string.Create(CultureInfo.InvariantCulture, $"Book a credit note of {credited:0.00} {currency} on {string.Join(", ", numbers)}"),
                string.Create(CultureInfo.InvariantCulture, $"The dispute was resolved as {outcome.Outcome} ({task.TaskId}). Book the credit note in the ERP; the invoice(s) stay held until the ledger shows it, then this task closes itself (credited). To resume without it: tasks done <id> --outcome {DisputeOutcomes.Release}."),
                key + ":" + TaskKinds.BookCreditNote, cancellationToken,
                new TaskFacts { Invoices = numbers, Amount = credited, Currency = currency, Thread = task.Facts.Thread, Reason = TaskReasons.DisputeResolved, Reference = outcome.Outcome });
            effect += "; task " + book.TaskId + " to book it";
        }

        var invoiceList = string.Join(", ", numbers);
        var content = new LetterContent
        {
            Thread = task.Facts.Thread,
            Deadline = deadline,
            Payable = outcome.Outcome switch
            {
                DisputeOutcomes.Rejected => i => !heldElsewhere.Contains(i.InvoiceNumber),
                DisputeOutcomes.Partly => i => numbers.Contains(i.InvoiceNumber, StringComparer.Ordinal),
                _ => _ => false,
            },
            Charges = outcome.Outcome == DisputeOutcomes.Partly
                ? language => [new ReminderCharge("credit", language == "en" ? "Credited after your complaint" : "Kreditert etter reklamasjonen", -credited)]
                : null,
        };
        var sent = await mail.SendAsync(found, MessageTemplates.DisputeOutcome, key + ":" + MessageTemplates.DisputeOutcome, language => new Dictionary<string, string>
        {
            ["Outcome"] = outcome.Outcome,
            ["Invoices"] = invoiceList,
            ["Reason"] = outcome.Note ?? "",
            ["Credited"] = LetterFormat.Money(credited, language) + (language == "en" ? " " + currency : " kr"),
            ["Remaining"] = LetterFormat.Money(creditTo ?? 0m, language) + (language == "en" ? " " + currency : " kr"),
            ["Deadline"] = LetterFormat.Date(deadline, language),
        }, outcome.Actor, cancellationToken, content: content);
        effect += sent is null ? "; no letter (no ledger entry or email address)" : "; debtor told in writing";
        logger.LogInformation("Dispute task {TaskId} for {CreditorId}/{DebtorId}: {Outcome} -> {Effect}", task.TaskId, found.CreditorId, found.DebtorId, outcome.Outcome, effect);
        return effect;
    }
}
