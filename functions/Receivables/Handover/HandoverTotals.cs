namespace Receivables.Handover;

/// <summary>
/// Principal and interest are in the file's currency, fees and compensation in NOK (<see cref="HandoverFile.ChargesCurrency"/>).
/// <see cref="Total"/> is in the file's currency: it includes fees and compensation only when that currency is NOK;
/// <see cref="ByCurrency"/> gives one total per currency, never NOK added to another currency.
/// </summary>
public sealed record HandoverTotals(decimal Principal, decimal Fees, decimal Interest, decimal Compensation, decimal Total)
{
    public IReadOnlyList<Email.CurrencyAmount> ByCurrency { get; init; } = [];
}
