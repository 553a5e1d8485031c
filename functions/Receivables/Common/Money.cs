using System.Globalization;

namespace Receivables.Common;

/// <summary>An amount in one currency. Arithmetic across currencies is an error, never a silent sum.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));

    public bool IsPositive => Amount > 0m;

    /// <summary>Rounds to whole øre (2 decimals), half away from zero, as Norwegian invoices and reminders do.</summary>
    public Money RoundToMinorUnit() => new(Rounding.ToMinorUnit(Amount), Currency);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");

    private static string SameCurrency(Money a, Money b) =>
        string.Equals(a.Currency, b.Currency, StringComparison.Ordinal)
            ? a.Currency
            : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency}.");
}
