namespace Receivables.Plans;

/// <summary>What a plan payment pays on one invoice.</summary>
public sealed record PlanAllocationLine(string InvoiceNumber, decimal Amount);
