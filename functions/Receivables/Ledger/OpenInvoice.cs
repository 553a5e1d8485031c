namespace Receivables.Ledger;

/// <summary>An invoice (or credit note, when <see cref="Amount"/> is negative) with what is still unpaid.</summary>
public sealed record OpenInvoice(
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    string? Kid,
    string SourceFile,
    int SourceLine)
{
    public bool IsCreditNote => Amount < 0m;
}
