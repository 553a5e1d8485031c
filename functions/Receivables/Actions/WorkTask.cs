namespace Receivables.Actions;

/// <summary>A task for a person (call the customer, review a dispute, decide an escalation).</summary>
public sealed record WorkTask(
    string CreditorId,
    string TaskId,
    string Kind,
    string? DebtorId,
    string? CaseId,
    string Title,
    string Details,
    DateTimeOffset CreatedAt,
    bool IsOpen,
    string? Outcome,
    string? Note,
    DateTimeOffset? CompletedAt)
{
    /// <summary>Amount, days overdue, invoices, phone, the debtor's words, due date and priority.</summary>
    public TaskFacts Facts { get; init; } = new();

    /// <summary>How many occurrences (replies) this task stands for: more than one when later ones were folded into it.</summary>
    public int Count { get; init; } = 1;
}
