namespace Receivables.Ledger;

/// <summary>Open and overdue (due date before the as-of date) invoices in one currency; credit notes apart.</summary>
public sealed record CurrencyStatus(
    string Currency,
    int OpenInvoices,
    decimal OpenAmount,
    int OverdueInvoices,
    decimal OverdueAmount,
    int CreditNotes,
    decimal CreditAmount,
    decimal Balance);
