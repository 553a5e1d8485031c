namespace Receivables.Dunning;

/// <summary>
/// Norwegian business days: Saturdays, Sundays and the public holidays (helligdager og høytidsdager, 1 May and 17 May)
/// are not business days. Easter-dependent holidays are computed (Gregorian computus), never listed per year.
/// </summary>
public static class NorwegianCalendar
{
    /// <summary>Easter Sunday of <paramref name="year"/> (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The public holidays of a year with their Norwegian names.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Holidays(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            (new DateOnly(year, 1, 1), "Første nyttårsdag"),
            (easter.AddDays(-3), "Skjærtorsdag"),
            (easter.AddDays(-2), "Langfredag"),
            (easter, "Første påskedag"),
            (easter.AddDays(1), "Andre påskedag"),
            (new DateOnly(year, 5, 1), "Offentlig høytidsdag"),
            (new DateOnly(year, 5, 17), "Grunnlovsdag"),
            (easter.AddDays(39), "Kristi himmelfartsdag"),
            (easter.AddDays(49), "Første pinsedag"),
            (easter.AddDays(50), "Andre pinsedag"),
            (new DateOnly(year, 12, 25), "Første juledag"),
            (new DateOnly(year, 12, 26), "Andre juledag"),
        ];
    }

    public static bool IsHoliday(DateOnly date) => Holidays(date.Year).Any(h => h.Date == date);

    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The date itself when it is a business day, else the next business day (deadlines falling on a holiday move forward).</summary>
    public static DateOnly OnOrNextBusinessDay(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The business days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsBusinessDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
