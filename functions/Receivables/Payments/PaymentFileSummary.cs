namespace Receivables.Payments;

/// <summary>What a parser counted in one bank file (filled while the file is read).</summary>
public sealed class PaymentFileSummary
{
    /// <summary>The format and version found, e.g. <c>Nets OCR giro</c> or <c>camt.054.001.08</c>.</summary>
    public string Format { get; set; } = "";

    /// <summary>Records (OCR lines) or entries (camt <c>Ntry</c>) read.</summary>
    public int Records { get; set; }

    public int Transactions { get; set; }

    /// <summary>Sum of the transactions' amounts per currency, as the file states them (reversals included).</summary>
    public Dictionary<string, decimal> Totals { get; } = new(StringComparer.Ordinal);

    /// <summary>Entries that are not booked incoming payments or their reversals (debits, pending), counted and left out.</summary>
    public int Skipped { get; set; }

    /// <summary>Things a person may want to know that do not refuse the file (an RF reference with a wrong check, ...).</summary>
    public List<string> Warnings { get; } = [];

    public void Add(BankTransaction transaction)
    {
        Transactions++;
        Totals[transaction.Currency] = Totals.GetValueOrDefault(transaction.Currency) + transaction.Amount;
    }
}
