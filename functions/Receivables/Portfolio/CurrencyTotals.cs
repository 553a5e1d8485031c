namespace Receivables.Portfolio;

/// <summary>Open and overdue amounts of one currency, aged in buckets of days past due.</summary>
public sealed record CurrencyTotals(string Currency, decimal Open, decimal Overdue, int Debtors, IReadOnlyList<decimal> Buckets, decimal? DsoDays);
