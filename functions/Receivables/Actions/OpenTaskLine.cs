namespace Receivables.Actions;

public sealed record OpenTaskLine(string TaskId, string Kind, string? DebtorId, string Title, DateTimeOffset CreatedAt)
{
    /// <summary>Priority, due date, amount, days overdue, invoices and phone, as one line.</summary>
    public string Facts { get; init; } = "";

    public string? Priority { get; init; }

    public DateOnly? DueDate { get; init; }
}
