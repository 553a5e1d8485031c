using Receivables.Dunning;

namespace Receivables.Actions;

/// <summary>
/// Closes tasks the ledger has made moot, after each case decision of the cycle: when nothing is overdue any more, the
/// call, the escalation decision, the dispute review and a failed reminder close as <c>paid</c> (a dispute hold or a
/// failed-send hold on a paid case is released);
/// a dispute review whose invoices are all settled closes as <c>paid</c>; a credit note task closes as <c>credited</c>
/// when the ledger shows the credit. Looks at tasks only when the step settled invoices or released a credit hold.
/// </summary>
public sealed class LedgerTaskUpkeep(MootTasks moot, ICaseActions cases) : IDunningStepObserver
{
    private static readonly HashSet<string> PaidKinds = new(StringComparer.Ordinal) { TaskKinds.CallDebtor, TaskKinds.DecideEscalation, TaskKinds.ReviewDispute, TaskKinds.BookCreditNote, TaskKinds.SendFailed };

    public async Task OnStepAsync(DunningStep step, CancellationToken cancellationToken)
    {
        if (step.Settled.Count == 0 && !step.CreditReleased && !step.Closed)
        {
            return;
        }

        var open = step.Lines.Invoices.Where(i => i.OpenAmount > 0m).Select(i => i.InvoiceNumber).ToHashSet(StringComparer.Ordinal);
        var overdue = step.Lines.Invoices.Where(i => i.OpenAmount < 0m || i.DueDate < step.Date).Sum(i => i.OpenAmount);
        var date = step.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var closed = new List<WorkTask>();
        if (step.CreditReleased)
        {
            closed.AddRange(await moot.CloseAsync(step.CreditorId, step.DebtorId, t => t.Kind == TaskKinds.BookCreditNote && t.Facts.Invoices.Any(), MootOutcomes.Credited,
                $"the ledger of {date} shows the credit note", cancellationToken));
        }

        if (overdue <= 0m)
        {
            closed.AddRange(await moot.CloseAsync(step.CreditorId, step.DebtorId, t => PaidKinds.Contains(t.Kind), MootOutcomes.Paid,
                $"the ledger of {date} shows nothing overdue for the debtor (paid or credited)", cancellationToken));
        }
        else
        {
            closed.AddRange(await moot.CloseAsync(step.CreditorId, step.DebtorId,
                t => t.Kind is TaskKinds.ReviewDispute or TaskKinds.BookCreditNote && t.Facts.Invoices.Count > 0 && t.Facts.Invoices.All(i => !open.Contains(i)), MootOutcomes.Paid,
                $"the ledger of {date} shows the disputed invoice(s) paid or credited", cancellationToken));
        }

        if (closed.Any(t => t.Kind == TaskKinds.SendFailed))
        {
            // Paid while a failed reminder held the case: nothing is left to send, the hold ends.
            await cases.ResumeAsync(step.CreditorId, step.DebtorId, PauseReason.SendFailed, Evidence.Actors.Rule, $"the ledger of {date} shows nothing overdue", $"upkeep:{step.CaseId}:{date}:send-failed", cancellationToken);
        }

        if (closed.Any(t => t.Kind is TaskKinds.ReviewDispute or TaskKinds.BookCreditNote)
            && await cases.GetAsync(step.CreditorId, step.DebtorId, cancellationToken) is { IsHeld: true } held
            && (overdue <= 0m || held.HeldInvoices.All(i => !open.Contains(i))))
        {
            await cases.ReleaseHoldAsync(step.CreditorId, step.DebtorId, Evidence.Actors.Rule, $"the ledger of {date} shows the disputed invoice(s) settled", $"upkeep:{step.CaseId}:{date}:release", cancellationToken);
        }
    }
}
