namespace Receivables.Actions;

public interface ITaskStore
{
    /// <summary>
    /// Opens a task once per <paramref name="idempotencyKey"/>; a retry returns the existing task. <paramref name="facts"/>
    /// left out are filled from the debtor's latest ledger (amount, days overdue, phone) and the priority rules.
    /// </summary>
    Task<WorkTask> OpenAsync(string creditorId, string kind, string? debtorId, string? caseId, string title, string details, string idempotencyKey, CancellationToken cancellationToken = default, TaskFacts? facts = null);

    /// <summary>
    /// Opens a debtor's task once per <paramref name="idempotencyKey"/>, as <see cref="OpenAsync"/> does, unless an open
    /// task of the debtor is <paramref name="blocking"/> (one call at a time): the debtor's tasks are listed once and
    /// that list also tells whether the key's task exists, so a new task costs no read of its own.
    /// </summary>
    Task<DebtorTaskOpening> OpenUnlessOpenAsync(string creditorId, string kind, string debtorId, string? caseId, string title, string details, string idempotencyKey, Func<WorkTask, bool> blocking, CancellationToken cancellationToken = default, TaskFacts? facts = null);

    /// <summary>
    /// Opens debtors' tasks together, each as <see cref="OpenUnlessOpenAsync"/> would (once per key; not while an open
    /// task of the debtor is <paramref name="blocking"/>, nor a second new one for the same debtor): each debtor's tasks
    /// are listed once and the new tasks written in table transactions of up to 100, so a shard's call tasks cost two
    /// requests each (the list, the debtor's row) instead of four. Returns what happened to each, in order.
    /// </summary>
    Task<IReadOnlyList<DebtorTaskOpening>> OpenManyUnlessOpenAsync(string creditorId, IReadOnlyList<NewTask> tasks, Func<WorkTask, bool> blocking, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens many tasks of one creditor, each once per <see cref="NewTask.IdempotencyKey"/> (a retry leaves those opened
    /// before as they are), written in table transactions of up to 100 tasks (one partition): a bank file's thousands of
    /// tasks cost tens of requests, not three each. Returns how many were opened now.
    /// </summary>
    Task<int> OpenManyAsync(string creditorId, IReadOnlyList<NewTask> tasks, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a task for <paramref name="groupKey"/>, or, while the task opened for it is still open, adds this occurrence
    /// (<paramref name="itemKey"/>, counted once however often it is retried) to that task: the count goes up and the
    /// details gain a line. Once the task is closed the next occurrence opens a new one.
    /// </summary>
    Task<WorkTask> OpenOrFoldAsync(string creditorId, string kind, string? debtorId, string? caseId, string title, string details, string groupKey, string itemKey, CancellationToken cancellationToken = default, TaskFacts? facts = null);

    Task<WorkTask?> GetAsync(string creditorId, string taskId, CancellationToken cancellationToken = default);

    /// <summary>Tasks of a creditor (or all), open ones only by default; <paramref name="debtorId"/> narrows to one debtor (filtered by the store).</summary>
    IAsyncEnumerable<WorkTask> ListAsync(string? creditorId = null, bool openOnly = true, CancellationToken cancellationToken = default, string? debtorId = null);

    Task<WorkTask> CompleteAsync(string creditorId, string taskId, string outcome, string? note, CancellationToken cancellationToken = default);

    /// <summary>How many open tasks the creditor has (from the Today index: no task is read).</summary>
    Task<int> CountOpenAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The open tasks of <paramref name="creditorIds"/> in <see cref="TaskUrgency"/> order, after the first
    /// <paramref name="skip"/>, at most <paramref name="take"/>: reads the index rows up to that point and those tasks only.
    /// </summary>
    Task<IReadOnlyList<WorkTask>> MostUrgentAsync(IReadOnlyList<string> creditorIds, int skip, int take, CancellationToken cancellationToken = default);
}
