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

/// <summary>The claim statement of a debtor for plans, hand-over and status: ledger lines plus what dunning charged.</summary>
public interface IClaimStatements
{
    /// <summary>Null when the debtor has nothing open in the latest ledger.</summary>
    Task<ClaimStatement?> GetAsync(string creditorId, string debtorId, DateOnly asOf, CancellationToken cancellationToken = default);
}

public sealed class ClaimStatements(ICaseStore cases, ILedgerReader ledger, DunningPolicies policies) : IClaimStatements
{
    public async Task<ClaimStatement?> GetAsync(string creditorId, string debtorId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var lines = await ledger.GetDebtorAsync(creditorId, debtorId, cancellationToken);
        if (lines is null || lines.Invoices.All(i => i.OpenAmount == 0m))
        {
            return null;
        }

        var state = await cases.GetAsync(creditorId, debtorId, cancellationToken);
        var invoices = lines.Invoices
            .Where(i => i.OpenAmount > 0m)
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .Select(i => ClaimLine.For(i, state?.Invoices.GetValueOrDefault(i.InvoiceNumber), asOf, policies.Rates))
            .ToList();
        var credits = lines.Invoices.Where(i => i.OpenAmount < 0m).Sum(i => i.OpenAmount);
        return new ClaimStatement(creditorId, debtorId, state?.CaseId, lines.Invoices[0].Currency, asOf, invoices, credits);
    }
}
