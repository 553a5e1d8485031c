using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;

namespace Receivables.Disputes;

/// <summary>
/// A <see cref="TaskKinds.BookCreditNote"/> task normally closes itself when the ledger shows the credit note
/// (outcome <c>credited</c>). A person may instead <c>release</c> the hold: the ladder resumes on the held invoices.
/// </summary>
public sealed class CreditNoteOutcomes(ICaseActions cases) : ITaskOutcomeHandler
{
    public string Kind => TaskKinds.BookCreditNote;

    public IReadOnlyList<string> Outcomes => [DisputeOutcomes.Release];

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var found = (task.DebtorId is null ? null : await cases.GetAsync(task.CreditorId, task.DebtorId, cancellationToken))
            ?? throw new ReceivablesException($"Task {task.TaskId} has no dunning case (debtor '{task.DebtorId}').");
        await cases.ReleaseHoldAsync(found.CreditorId, found.DebtorId, outcome.Actor, $"Hold released without the credit note ({task.TaskId})" + (outcome.Note is { Length: > 0 } n ? " – " + n : ""), "credit-note:" + task.TaskId + ":release", cancellationToken);
        return "hold released; the ladder resumes on " + string.Join(", ", task.Facts.Invoices);
    }
}
