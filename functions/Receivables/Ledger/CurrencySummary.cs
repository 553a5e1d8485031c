using System.Globalization;

namespace Receivables.Ledger;

public sealed class CurrencySummary
{
    public int OpenInvoices { get; set; }

    public decimal OpenAmount { get; set; }

    public int CreditNotes { get; set; }

    public decimal CreditAmount { get; set; }

    /// <summary>Open invoices (not credit notes) by due date (yyyy-MM-dd).</summary>
    public SortedDictionary<string, DueBucket> ByDueDate { get; set; } = new(StringComparer.Ordinal);

    public void Add(LedgerRow row)
    {
        if (row.OpenAmount < 0m)
        {
            CreditNotes++;
            CreditAmount += row.OpenAmount;
            return;
        }

        OpenInvoices++;
        OpenAmount += row.OpenAmount;
        var key = row.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!ByDueDate.TryGetValue(key, out var bucket))
        {
            ByDueDate[key] = bucket = new DueBucket();
        }

        bucket.Count++;
        bucket.Amount += row.OpenAmount;
    }

    public CurrencyStatus StatusAsOf(string currency, DateOnly asOf)
    {
        var cutoff = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var overdue = ByDueDate.Where(b => string.CompareOrdinal(b.Key, cutoff) < 0).Select(b => b.Value).ToList();
        return new CurrencyStatus(currency, OpenInvoices, OpenAmount, overdue.Sum(b => b.Count), overdue.Sum(b => b.Amount), CreditNotes, CreditAmount, OpenAmount + CreditAmount);
    }
}
