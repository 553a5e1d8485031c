namespace Receivables.Common;

/// <summary>Named rounding rules, so that every place that rounds money says which rule it follows.</summary>
public static class Rounding
{
    /// <summary>Two decimals, midpoint away from zero (commercial rounding of øre/cents).</summary>
    public static decimal ToMinorUnit(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whole currency units, midpoint away from zero (used for installment amounts).</summary>
    public static decimal ToWholeUnit(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);
}
