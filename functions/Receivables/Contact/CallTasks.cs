using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Ledger;

namespace Receivables.Contact;

/// <summary>
/// Opens a call task (<see cref="TaskKinds.CallDebtor"/>) at the configured points of the ladder: when a large claim
/// gets its friendly reminder (so a person calls before the formal reminder), and always at the collection notice
/// (before escalation). Once per case, stage and oldest overdue invoice, and never while a call task for the debtor is
/// still open.
/// </summary>
public sealed class CallTasks(ITaskStore tasks, TaskFactsSource facts, IOptions<ContactOptions> options, ILogger<CallTasks> logger) : IDunningStepBatchObserver
{
    /// <summary>
    /// The steps of a shard together: the call tasks they owe are opened in table transactions (each debtor's tasks
    /// still listed once, for the one-call-at-a-time rule).
    /// </summary>
    public async Task OnStepsAsync(IReadOnlyList<DunningStep> steps, CancellationToken cancellationToken)
    {
        foreach (var creditor in steps.GroupBy(s => s.CreditorId, StringComparer.Ordinal))
        {
            var wanted = creditor.Select(step => (Step: step, Task: Wanted(step))).Where(w => w.Task is not null).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var openings = await tasks.OpenManyUnlessOpenAsync(creditor.Key, [.. wanted.Select(w => w.Task!)], open => open.Kind == TaskKinds.CallDebtor, cancellationToken);
            for (var i = 0; i < wanted.Count; i++)
            {
                var (step, opening) = (wanted[i].Step, openings[i]);
                if (opening.Blocked)
                {
                    // One call at a time: the person has not made the last one yet.
                    logger.LogInformation("Call task {TaskId} for {CreditorId}/{DebtorId} is still open; no second one at stage {Stage}", opening.Task.TaskId, step.CreditorId, step.DebtorId, step.Stage);
                }
                else
                {
                    logger.LogInformation("Call task {TaskId} for {CreditorId}/{DebtorId} at stage {Stage}", opening.Task.TaskId, step.CreditorId, step.DebtorId, step.Stage);
                }
            }
        }
    }

    /// <summary>
    /// The call task a step owes, if any: at the always-call stage, or at the large-claim stage for a large claim; once
    /// per case, stage and oldest overdue invoice (the task's key). None while the case is paused or nothing was sent.
    /// </summary>
    private NewTask? Wanted(DunningStep step)
    {
        if (step.SentTemplate is null || step.Pause is not null)
        {
            return null;
        }

        var o = options.Value;
        var overdue = step.Lines.Invoices.Where(i => i.OpenAmount > 0m && i.DueDate < step.Date).OrderBy(i => i.DueDate).ToList();
        if (overdue.Count == 0)
        {
            return null;
        }

        var amount = overdue.Sum(i => i.OpenAmount);
        string? why = null;
        var reason = new TaskFacts();
        if (o.AlwaysCallAtStage.Length > 0 && step.Stage == o.AlwaysCallAtStage)
        {
            why = "last step before escalation: a person calls before the case is escalated";
            reason = new TaskFacts { Reason = TaskReasons.BeforeEscalation };
        }
        else if (o.LargeClaimStage.Length > 0 && step.Stage == o.LargeClaimStage && amount >= o.LargeClaimAmount)
        {
            why = string.Create(CultureInfo.InvariantCulture, $"large claim ({amount:0.00} ≥ {o.LargeClaimAmount:0.00}, Receivables:Contact:LargeClaimAmount): a person calls before the formal reminder");
            reason = new TaskFacts { Reason = TaskReasons.LargeClaim, Threshold = o.LargeClaimAmount };
        }

        if (why is null)
        {
            return null;
        }

        var debtor = step.Lines.Debtor;
        var key = $"call|{step.CreditorId}|{debtor.DebtorId}|{step.Stage}|{overdue[0].InvoiceNumber}";
        return new NewTask(TaskKinds.CallDebtor, debtor.DebtorId, step.CaseId, $"Call {debtor.Name}", Details(debtor, overdue, step, why), key, facts.FromLines(step.Lines, reason));
    }

    /// <summary>Contact, claim summary and talking points, as the task's details.</summary>
    public static string Details(Debtor debtor, IReadOnlyList<OpenInvoice> overdue, DunningStep step, string why)
    {
        var currency = overdue[0].Currency;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Why: {why}. ");
        text.Append(CultureInfo.InvariantCulture, $"Contact: {debtor.Name}, email {debtor.Email ?? "unknown"}, phone {debtor.Phone ?? "not in the ledger"}. ");
        text.Append(CultureInfo.InvariantCulture, $"Claim: {overdue.Count} overdue invoice(s), {overdue.Sum(i => i.OpenAmount):0.00} {currency} open (");
        text.Append(string.Join("; ", overdue.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.InvoiceNumber} due {i.DueDate:yyyy-MM-dd}, {i.OpenAmount:0.00} open, {step.Date.DayNumber - i.DueDate.DayNumber} days overdue"))));
        text.Append(CultureInfo.InvariantCulture, $"); stage {step.Stage}. ");
        text.Append("Talking points: 1) ask why it is unpaid (not received? disagreement? money short?); 2) if money is short, offer an arrangement (instalments); 3) agree a date for payment. ");
        text.Append("Record the outcome: tasks done <id> --outcome promise|dispute|plan|no-answer --note \"...\" [--date yyyy-MM-dd]; the debtor gets a written confirmation.");
        return text.ToString();
    }
}
