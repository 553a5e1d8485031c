using System.Globalization;

namespace Receivables.Email;

/// <summary>How a letter in <c>nb</c> or <c>en</c> writes amounts (48 500,00 / 48,500.00) and dates (16.09.2026 / 16 September 2026).</summary>
public static class LetterFormat
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(string language) => language == "en" ? English : Norwegian;

    public static string Money(decimal amount, string language) => amount.ToString("N2", Culture(language));

    /// <summary>An amount with its currency as a letter writes it: "1 250,00 kr" (nb, NOK), "1,250.00 NOK" (en).</summary>
    public static string Amount(decimal amount, string currency, string language) =>
        Money(amount, language) + " " + (language != "en" && currency == "NOK" ? "kr" : currency);

    public static string Date(DateOnly date, string language) =>
        date.ToString(language == "en" ? "d MMMM yyyy" : "dd.MM.yyyy", Culture(language));
}
