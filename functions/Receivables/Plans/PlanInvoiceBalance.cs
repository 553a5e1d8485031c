namespace Receivables.Plans;

/// <summary>A covered invoice's open amount, for allocating a plan payment.</summary>
public sealed record PlanInvoiceBalance(string InvoiceNumber, DateOnly DueDate, decimal Open);
