using Receivables.Email;

namespace Receivables.Contact;

/// <summary>An amount as a letter's text states it: "1 250,00 kr" in Norwegian, "NOK 1,250.00" in English.</summary>
public static class LetterMoney
{
    public static string Of(decimal amount, string currency, string language) =>
        language == "en"
            ? currency + " " + LetterFormat.Money(amount, language)
            : LetterFormat.Money(amount, language) + " " + (currency == "NOK" ? "kr" : currency);

    /// <summary>A payment deadline for what a letter asks: at least <paramref name="days"/> days ahead, never before an invoice's own due date, on a business day.</summary>
    public static DateOnly Deadline(DateOnly today, int days, IEnumerable<DateOnly> dueDates)
    {
        var deadline = today.AddDays(days);
        foreach (var due in dueDates)
        {
            deadline = due > deadline ? due : deadline;
        }

        return Dunning.NorwegianCalendar.OnOrNextBusinessDay(deadline);
    }
}
