using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;
using Receivables.Replies;

namespace Receivables.Contact;

/// <summary>
/// The day after a promised date plus <c>Receivables:Replies:PromiseGraceDays</c> (when the promise pause runs out),
/// if the ledger still shows something overdue: a short written follow-up that names the broken promise and asks for
/// payment by a new deadline (template <c>promise-broken</c>, once per promise), and for a large claim
/// (<c>Receivables:Contact:LargeClaimAmount</c>) a call task. No letter when the ladder sends its next step the same day.
/// </summary>
public sealed class BrokenPromises(
    CaseMessenger mail,
    ITaskStore tasks,
    TaskFactsSource facts,
    ICaseActions cases,
    IOptions<RepliesOptions> replies,
    IOptions<ContactOptions> contact,
    ILogger<BrokenPromises> logger) : IDunningStepObserver
{
    /// <summary>Days the follow-up gives to pay.</summary>
    public const int DeadlineDays = 7;

    public async Task OnStepAsync(DunningStep step, CancellationToken cancellationToken)
    {
        if (step.PromiseRanOut is not { } until)
        {
            return;
        }

        var overdue = step.Lines.Invoices.Where(i => i.OpenAmount > 0m && i.DueDate < step.Date).ToList();
        var net = overdue.Sum(i => i.OpenAmount) + step.Lines.Invoices.Where(i => i.OpenAmount < 0m).Sum(i => i.OpenAmount);
        if (overdue.Count == 0 || net <= 0m)
        {
            logger.LogInformation("Promise of {CreditorId}/{DebtorId} until {Until} was kept: nothing overdue", step.CreditorId, step.DebtorId, until);
            return;
        }

        var promised = until.AddDays(-replies.Value.PromiseGraceDays);
        var found = await cases.GetAsync(step.CreditorId, step.DebtorId, cancellationToken);
        if (found is null)
        {
            return;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"promise-broken:{step.CaseId}:{promised:yyyy-MM-dd}");
        if (step.SentTemplate is null)
        {
            var deadline = LetterMoney.Deadline(step.Date, DeadlineDays, []);
            var sent = await mail.SendAsync(found, MessageTemplates.PromiseBroken, key, language => new Dictionary<string, string>
            {
                ["PromisedDate"] = LetterFormat.Date(promised, language),
                ["PromisedAmount"] = "",
            }, Actors.Rule, cancellationToken, content: new LetterContent { Deadline = deadline, Payable = i => !found.HeldInvoices.Contains(i.InvoiceNumber) });
            logger.LogInformation("Promise of {CreditorId}/{DebtorId} ({Promised}) broken: follow-up {Sent}", step.CreditorId, step.DebtorId, promised, sent is null ? "not sent (no address)" : "sent");
        }

        var amount = overdue.Sum(i => i.OpenAmount);
        if (amount >= contact.Value.LargeClaimAmount)
        {
            await tasks.OpenUnlessOpenAsync(step.CreditorId, TaskKinds.CallDebtor, step.DebtorId, step.CaseId, $"Call {step.Lines.Debtor.Name}: promise of {promised:dd.MM.yyyy} broken",
                CallTasks.Details(step.Lines.Debtor, overdue, step, string.Create(CultureInfo.InvariantCulture, $"the debtor promised to pay by {promised:yyyy-MM-dd} and the ledger still shows {amount:0.00} overdue (large claim)")),
                key + ":call", open => open.Kind == TaskKinds.CallDebtor, cancellationToken, facts.FromLines(step.Lines, new TaskFacts { Reason = TaskReasons.PromiseBroken, AboutDate = promised }));
        }
    }
}
