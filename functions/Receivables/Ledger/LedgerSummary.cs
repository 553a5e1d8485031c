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
