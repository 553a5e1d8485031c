using Receivables.Common;
using Receivables.Ledger;

namespace Receivables.Actions;

/// <summary>
/// Completes a task's <see cref="TaskFacts"/> from the debtor's latest ledger lines: the amount and days overdue of the
/// invoices it concerns (given, else every overdue invoice), the phone, the priority and the due date. Facts that give
/// the amount, the currency and the days overdue are the caller's own reading of the ledger (the phone included, when
/// there is one): the ledger is not read again for them (a bank file's thousands of tasks).
/// </summary>
public sealed class TaskFactsSource(ILedgerReader ledger, BusinessClock clock)
{
    public async Task<TaskFacts> CompleteAsync(string creditorId, string kind, string? debtorId, TaskFacts? given, CancellationToken cancellationToken)
    {
        var facts = given ?? new TaskFacts();
        var known = given is { Amount: not null, Currency: not null, DaysOverdue: not null };
        if (debtorId is not null && !known && await ledger.GetDebtorAsync(creditorId, debtorId, cancellationToken) is { } lines)
        {
            facts = FromLines(lines, facts);
        }

        var today = clock.Today;
        var priority = facts.Priority ?? TaskPriorities.For(kind, facts.Amount, facts.DaysOverdue);
        return facts with { Priority = priority, DueDate = facts.DueDate ?? TaskPriorities.DueDate(priority, today) };
    }

    /// <summary>
    /// The facts the ledger lines give (what <see cref="CompleteAsync"/> reads them for), for a caller that holds the
    /// debtor's lines already (the dunning cycle's step): the task is then opened without reading the ledger again.
    /// </summary>
    public TaskFacts FromLines(DebtorLedger lines, TaskFacts? given = null)
    {
        var facts = given ?? new TaskFacts();
        var today = clock.Today;
        var open = lines.Invoices.Where(i => i.OpenAmount > 0m).ToList();
        var concerned = facts.Invoices.Count > 0
            ? open.Where(i => facts.Invoices.Contains(i.InvoiceNumber, StringComparer.Ordinal)).ToList()
            : open.Where(i => i.DueDate < today).ToList();
        if (concerned.Count == 0 && facts.Invoices.Count == 0)
        {
            concerned = open;
        }

        return facts with
        {
            Amount = facts.Amount ?? (concerned.Count == 0 ? null : concerned.Sum(i => i.OpenAmount)),
            Currency = facts.Currency ?? concerned.FirstOrDefault()?.Currency,
            DaysOverdue = facts.DaysOverdue ?? (concerned.Count == 0 ? null : Math.Max(0, concerned.Max(i => today.DayNumber - i.DueDate.DayNumber))),
            Invoices = facts.Invoices.Count > 0 ? facts.Invoices : [.. concerned.Select(i => i.InvoiceNumber)],
            Phone = facts.Phone ?? lines.Debtor.Phone,
        };
    }
}
