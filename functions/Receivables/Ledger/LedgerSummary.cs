using System.Globalization;

namespace Receivables.Ledger;

/// <summary>
/// Totals of one accepted snapshot, stored beside it so that status and overdue figures for any date need no scan:
/// open amounts per currency and per due date (invoices) and the open credit (credit notes).
/// </summary>
public sealed class LedgerSummary
{
    public int Debtors { get; set; }

    public int Invoices { get; set; }

    /// <summary>Debtors with an email address (null in summaries written before it was counted).</summary>
    public int? DebtorsWithEmail { get; set; }

    public SortedDictionary<string, CurrencySummary> Currencies { get; set; } = new(StringComparer.Ordinal);

    public void Add(LedgerRow row)
    {
        if (!Currencies.TryGetValue(row.Currency, out var currency))
        {
            Currencies[row.Currency] = currency = new CurrencySummary();
        }

        currency.Add(row);
        Invoices++;
    }

    /// <summary>Per currency: (open invoices, their open amount, overdue invoices, their open amount, open credit) as of a date.</summary>
    public IEnumerable<CurrencyStatus> StatusAsOf(DateOnly asOf) =>
        Currencies.Select(c => c.Value.StatusAsOf(c.Key, asOf));
}

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

public sealed class DueBucket
{
    public int Count { get; set; }

    public decimal Amount { get; set; }
}

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
