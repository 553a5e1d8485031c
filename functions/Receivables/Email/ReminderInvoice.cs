namespace Receivables.Email;

/// <summary>One invoice line of a reminder.</summary>
public sealed record ReminderInvoice(string InvoiceNumber, DateOnly InvoiceDate, DateOnly DueDate, decimal Amount, decimal OpenAmount, string? Kid, int DaysOverdue);
