namespace Receivables.Portfolio;

/// <summary>One debtor's line in the index.</summary>
public sealed record PortfolioDebtor(
    string Id,
    string Name,
    string? Email,
    string? OrgNumber,
    string? Phone,
    bool IsBusiness,
    string Currency,
    decimal Open,
    decimal Overdue,
    int DaysOverdue,
    int Invoices,
    string InvoiceNumbers,
    string Stage,
    DateOnly? NextAction);
