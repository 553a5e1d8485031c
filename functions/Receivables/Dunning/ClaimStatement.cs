namespace Receivables.Dunning;

/// <summary>What a debtor owes on a date: every open invoice's claim, credits, and the totals.</summary>
public sealed record ClaimStatement(
    string CreditorId,
    string DebtorId,
    string? CaseId,
    string Currency,
    DateOnly AsOf,
    IReadOnlyList<ClaimLine> Invoices,
    decimal Credits)
{
    /// <summary>Open principal after credit notes and unapplied payments.</summary>
    public decimal Principal => Invoices.Sum(i => i.OpenAmount) + Credits;

    public decimal Fees => Invoices.Sum(i => i.FeesTotal);

    public decimal Interest => Invoices.Sum(i => i.InterestTotal);

    public decimal Compensation => Invoices.Sum(i => i.CompensationNet);

    /// <summary>The currency of <see cref="Fees"/> and <see cref="Compensation"/>: NOK by Norwegian law, whatever <see cref="Currency"/> is.</summary>
    public string ChargesCurrency => RateTables.Currency;

    /// <summary>
    /// What is owed in <see cref="Currency"/>: principal and interest, and the fees and compensation only when the claim
    /// is in NOK too. NOK charges on a foreign-currency claim are never added to it (see <see cref="Totals"/>).
    /// </summary>
    public decimal Total => Principal + Interest + (Currency == ChargesCurrency ? Fees + Compensation : 0m);

    /// <summary>One total per currency: the claim's, and NOK fees and compensation on a claim in another currency.</summary>
    public IReadOnlyList<Email.CurrencyAmount> Totals =>
        Currency == ChargesCurrency || Fees + Compensation == 0m
            ? [new(Currency, Total)]
            : [new(Currency, Total), new(ChargesCurrency, Fees + Compensation)];
}
