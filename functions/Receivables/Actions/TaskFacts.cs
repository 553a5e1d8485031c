namespace Receivables.Actions;

/// <summary>
/// What a person needs to act on a task without opening the ledger: the amount at stake and how long it is overdue, the
/// debtor's phone, the invoices it concerns, the debtor's own words (a reply, quoted), when the task should be done and
/// how urgent it is. Given by the feature that opens the task; what it leaves out is filled from the latest ledger.
/// </summary>
public sealed record TaskFacts
{
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    /// <summary>Days the oldest concerned invoice is overdue on the day the task opened.</summary>
    public int? DaysOverdue { get; init; }

    public IReadOnlyList<string> Invoices { get; init; } = [];

    public string? Phone { get; init; }

    /// <summary>The debtor's words (the text of a reply), shown quoted.</summary>
    public string? Quote { get; init; }

    /// <summary>When the task should be done (see <see cref="TaskPriorities"/>).</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The debtor's message the task is about, so that a written answer joins its conversation.</summary>
    public Email.ReplyThread? Thread { get; init; }

    /// <summary><see cref="TaskPriorities.High"/>, <see cref="TaskPriorities.Normal"/> or <see cref="TaskPriorities.Low"/>.</summary>
    public string? Priority { get; init; }

    /// <summary>Why the task opened (<see cref="TaskReasons"/>); null for tasks opened before it was stored.</summary>
    public string? Reason { get; init; }

    /// <summary>The amount the reason compares against (a large claim's configured amount).</summary>
    public decimal? Threshold { get; init; }

    /// <summary>The date the reason names: a promised payment date, the day a disputing reply came.</summary>
    public DateOnly? AboutDate { get; init; }

    /// <summary>What the task concerns by id: a drafted plan, the disputed invoices (see <see cref="TaskReasons"/>).</summary>
    public string? Reference { get; init; }

    /// <summary>The subject of the debtor's message the task is about (a reply to read), as the debtor wrote it.</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// The grounds the reason rests on, each a code with its arguments (<c>code</c> or <c>code:arg|arg</c>, numbers and
    /// dates invariant), so that a page can word them in any language: the escalation gate's reasons for its
    /// recommendation, a reply's class, a delivery failure's report (see <see cref="TaskReasons"/>).
    /// </summary>
    public IReadOnlyList<string> Grounds { get; init; } = [];
}
