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

/// <summary>Named rounding rules, so that every place that rounds money says which rule it follows.</summary>
public static class Rounding
{
    /// <summary>Two decimals, midpoint away from zero (commercial rounding of øre/cents).</summary>
    public static decimal ToMinorUnit(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whole currency units, midpoint away from zero (used for installment amounts).</summary>
    public static decimal ToWholeUnit(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);
}
