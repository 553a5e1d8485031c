using Receivables.Ledger;

namespace Receivables.Dunning;

/// <summary>
/// One invoice's claim on a date: the open principal, the fees charged on it, late-payment interest to the date
/// (following the open amounts the case has seen) and the § 3a compensation less the fees (forsinkelsesrenteloven
/// § 3a, second paragraph).
/// </summary>
public sealed record ClaimLine(
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    decimal Amount,
    decimal OpenAmount,
    string? Kid,
    IReadOnlyList<ChargedFee> Fees,
    IReadOnlyList<(decimal Balance, InterestPeriod Period)> Interest,
    decimal? CompensationClaimed)
{
    public decimal FeesTotal => Fees.Sum(f => f.Amount);

    public decimal InterestTotal => Interest.Sum(i => i.Period.Amount);

    /// <summary>The compensation still claimable on top of the fees (never negative).</summary>
    public decimal CompensationNet => CompensationClaimed is { } c ? Common.Rounding.ToMinorUnit(Math.Max(0m, c - FeesTotal)) : 0m;

    public decimal Total => OpenAmount + FeesTotal + InterestTotal + CompensationNet;

    /// <summary>The charges of one invoice on <paramref name="asOf"/>: the single place that adds them up.</summary>
    public static ClaimLine For(OpenInvoice invoice, InvoiceProgress? progress, DateOnly asOf, RateTables rates)
    {
        var fees = progress?.Fees.Where(f => f.Date <= asOf).ToList() ?? [];
        var interest = invoice.OpenAmount > 0m ? rates.Interest(progress?.Balances ?? [], invoice.OpenAmount, invoice.DueDate, asOf) : [];
        return new ClaimLine(invoice.InvoiceNumber, invoice.InvoiceDate, invoice.DueDate, invoice.Amount, invoice.OpenAmount, invoice.Kid, fees, interest, progress?.CompensationClaimed);
    }
}
