namespace Receivables.SetOff;

/// <summary>An open supplier invoice: what the creditor owes a supplier (the payables file's line <see cref="Line"/>).</summary>
public sealed record PayableInvoice(
    string SupplierId,
    string SupplierName,
    string? OrgNumber,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    int Line);
