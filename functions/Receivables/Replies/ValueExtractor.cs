using System.Globalization;
using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>
/// Finds dates, amounts, installment frequency and invoice numbers in bokmål, nynorsk and English, with or without
/// æøå. Numbers that are codes (SMTP status, phone, account, KID, org and invoice numbers, clock times) are masked
/// first, so they are neither dates nor amounts. Relative dates are resolved from the reply's own local date.
/// </summary>
public static partial class ValueExtractor
{
    private static readonly (string Name, DayOfWeek Day)[] WeekdayNames =
    [
        ("mandag", DayOfWeek.Monday),
        ("monday", DayOfWeek.Monday),
        ("tirsdag", DayOfWeek.Tuesday),
        ("tysdag", DayOfWeek.Tuesday),
        ("tuesday", DayOfWeek.Tuesday),
        ("onsdag", DayOfWeek.Wednesday),
        ("wednesday", DayOfWeek.Wednesday),
        ("torsdag", DayOfWeek.Thursday),
        ("thursday", DayOfWeek.Thursday),
        ("fredag", DayOfWeek.Friday),
        ("friday", DayOfWeek.Friday),
        ("fre", DayOfWeek.Friday),
        ("lordag", DayOfWeek.Saturday),
        ("laurdag", DayOfWeek.Saturday),
        ("saturday", DayOfWeek.Saturday),
        ("sondag", DayOfWeek.Sunday),
        ("sundag", DayOfWeek.Sunday),
        ("sunday", DayOfWeek.Sunday),
    ];

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1,
        ["januar"] = 1,
        ["january"] = 1,
        ["feb"] = 2,
        ["februar"] = 2,
        ["february"] = 2,
        ["mar"] = 3,
        ["mars"] = 3,
        ["march"] = 3,
        ["apr"] = 4,
        ["april"] = 4,
        ["mai"] = 5,
        ["may"] = 5,
        ["jun"] = 6,
        ["juni"] = 6,
        ["june"] = 6,
        ["jul"] = 7,
        ["juli"] = 7,
        ["july"] = 7,
        ["aug"] = 8,
        ["august"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["september"] = 9,
        ["okt"] = 10,
        ["oktober"] = 10,
        ["oct"] = 10,
        ["october"] = 10,
        ["nov"] = 11,
        ["november"] = 11,
        ["des"] = 12,
        ["desember"] = 12,
        ["dec"] = 12,
        ["december"] = 12,
    };

    private const string MonthAlternation = "januar|january|jan|februar|february|feb|mars|march|mar|april|apr|mai|may|juni|june|jun|juli|july|jul|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|desember|december|des|dec";

    private static readonly Regex NumericDate = new(@"(?<![\d.,/])(?<d>[0-3]?\d)[./](?<m>[01]?\d)(?:[./](?<y>(?:19|20)?\d{2}))?\.?(?![\d]|[.,/]\d)", RegexOptions.CultureInvariant);
    private static readonly Regex DayMonthName = new(@"\b(?<d>[0-3]?\d)(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?<mon>" + MonthAlternation + @")\b\.?(?:,?\s*(?<y>20\d\d))?", RegexOptions.CultureInvariant);
    private static readonly Regex MonthNameDay = new(@"\b(?<mon>" + MonthAlternation + @")\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\.\d)(?:,?\s*(?<y>20\d\d))?", RegexOptions.CultureInvariant);
    private static readonly Regex DayOnly = new(@"(?:\b(?:den|the|on the|by the|innen den|innan den|til den)\s+(?<d>[0-3]?\d)(?:\.|st\b|nd\b|rd\b|th\b)|(?<=\b(?:forfall|forfallsdato|betalingsdato|dato)\s)(?<d>[0-3]?\d)\.(?!\d)(?!\s*(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-z]*\b)|\b(?<d>[0-3]?\d)(?:st|nd|rd|th)\b)", RegexOptions.CultureInvariant);

    /// <summary>
    /// Words just before a date that make it the invoice's own date, not the date the reply states ("fakturaen med
    /// forfall 2. januar betales …", "invoice dated 3 March", "the reminder from 12 May").
    /// </summary>
    private static readonly Regex ReferenceBefore = new(@"\b(?:faktura\w*|rekning\w*|regning\w*|invoice\w*|bill|kravet|purring\w*|reminder|varsel\w*|ordre\w*|order)\b[^.,;:!?]{0,25}?\b(?:forfall|forfallsdato|forfalt|frist|due|dated|datert|fra|fra den|from|of|issued|utstedt|sendt|sent)\s+(?:den\s+|on\s+|the\s+)?$", RegexOptions.CultureInvariant);

    /// <summary>Named days: Christmas Eve and the day before it, New Year's Eve.</summary>
    private static readonly Regex NamedDay = new(@"\b(?<n>lillejulaften|lille julaften|julaften|julekveld|christmas eve|nyttarsaften|nyarsaften|new year'?s eve)\b", RegexOptions.CultureInvariant);

    /// <summary>A weekday a week or two later ("fredag om en uke", "Friday in two weeks", "tirsdag uka etter").</summary>
    private static readonly Regex WeeksLater = new(@"^\s+(?:om|in)\s+(?<n>en|ei|ein|one|a|1|to|two|2)\s+(?:uke|uker|veke|veker|week|weeks)\b|^\s+(?:uka|veka|the week)\s+(?:etter|after)\b|^\s+week\b", RegexOptions.CultureInvariant);

    /// <summary>SMS style writes å as "aa" near a word's start ("maandag", "paa"): read as the folded "a".</summary>
    private static readonly Regex SmsDoubleA = new(@"(?<=\b[a-z]{0,3})aa", RegexOptions.CultureInvariant);
    private static readonly Regex WeekNumber = new(@"\b(?:(?<wd>mandag|tirsdag|tysdag|onsdag|torsdag|fredag|monday|tuesday|wednesday|thursday|friday)\s+(?:i\s+|in\s+)?)?(?:uke|veke|week|u\.)\s*(?<w>[1-5]?\d)\b", RegexOptions.CultureInvariant);
    private static readonly Regex Weekday = new(@"(?<pre>\b(?:neste|next|denne|this|kommende|coming)\s+)?\b(?<wd>mandag|tirsdag|tysdag|onsdag|torsdag|fredag|lordag|laurdag|sondag|sundag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|fre)\b(?<post>\s+(?:neste|next|denne|this)\s+(?:uke|veke|week))?", RegexOptions.CultureInvariant);
    private static readonly Regex DayAfterTomorrow = new(@"\b(?:i\s*overmorgen|i\s*overmorgon|(?:the\s+)?day after tomorrow)\b", RegexOptions.CultureInvariant);
    private static readonly Regex Tomorrow = new(@"\b(?:i\s*morgen|i\s*morgon|i\s*morra|tomorrow|tmrw)\b", RegexOptions.CultureInvariant);
    private static readonly Regex Today = new(@"\b(?:i\s*dag|today|i\s*kveld|tonight|this morning|i\s*morges|na nettopp|just now)\b|(?<=\b(?:betalt|betaler|betalar|overfort|overforer|sendt|paid)\s)(?:na|no|now)\b", RegexOptions.CultureInvariant);
    private static readonly Regex Yesterday = new(@"\b(?:i\s*gar|yesterday)\b", RegexOptions.CultureInvariant);
    private static readonly Regex NextWeek = new(@"\b(?:neste|next|kommende)\s+(?:uke|veke|week)\b", RegexOptions.CultureInvariant);
    private static readonly Regex ThisWeek = new(@"\b(?:denne\s+(?:uka|uken|veka)|this\s+week|(?:utgangen|slutten)\s+av\s+(?:uka|uken|veka)|end\s+of\s+(?:the|this)\s+week|(?:for|forr|innen|innan|til|before|by)\s+(?:helga|helgen|helgi|the weekend))\b", RegexOptions.CultureInvariant);
    private static readonly Regex InWeeks = new(@"\b(?:om|in|innen|innan|within|i lopet av)\s+(?<n>en|ei|ein|one|a|1|to|two|2|tre|three|3|fire|four|4)\s+(?:uke|uker|ukes|veke|veker|vekes|week|weeks|week's)\b", RegexOptions.CultureInvariant);
    private static readonly Regex InDays = new(@"\b(?:om|in|innen|innan|within|i lopet av)\s+(?<n>\d{1,2}|to|two|tre|three|fem|five|ti|ten)\s+(?:dager|dagar|days)\b", RegexOptions.CultureInvariant);
    private static readonly Regex EndOfNamedMonth = new(@"\b(?:(?:utgangen|slutten)\s+av|end\s+of)\s+(?<mon>" + MonthAlternation + @")\b", RegexOptions.CultureInvariant);
    private static readonly Regex EndOfMonth = new(@"\b(?:(?:utgangen|slutten)\s+av\s+(?:maneden|mnd|manaden|denne maneden)|end\s+of\s+(?:the\s+|this\s+)?month|manedsslutt|manadsslutt|manedsskiftet|manadsskiftet)\b", RegexOptions.CultureInvariant);
    private static readonly Regex YearEnd = new(@"\b(?:(?:for|innen|innan)\s+(?:nyttar|arsskiftet|arsskiftet)|(?:utgangen|slutten)\s+av\s+aret|before\s+(?:the\s+)?new\s+year|end\s+of\s+the\s+year|(?:before|by)\s+(?:the\s+)?year[- ]end|arsslutt)\b", RegexOptions.CultureInvariant);
    private static readonly Regex AfterWeekend = new(@"\b(?:etter|over|after)\s+(?:helga|helgen|helgi|the weekend)\b", RegexOptions.CultureInvariant);
    private static readonly Regex MidMonth = new(@"\b(?:(?:i\s+)?midten\s+av|mid-?|the middle of)\s*(?<mon>" + MonthAlternation + @"|maneden|manaden|the month|month)\b", RegexOptions.CultureInvariant);
    private static readonly Regex ByDayNumber = new(@"\b(?:innen|innan|for|til|by|before)\s+(?<d>[0-3]?\d)\.(?![\d.])(?!\s*(?:[a-z]+\s+)?(?:dager|dagar|uker|veker|mnd|maneder))", RegexOptions.CultureInvariant);
    private static readonly Regex Negated = new(@"(?:ikke|ikkje|not|ikke pa|ikkje pa|not on)\s+$", RegexOptions.CultureInvariant);

    /// <summary>Values stated in <paramref name="text"/>, relative dates resolved from <paramref name="received"/> (local date), looking ahead.</summary>
    public static ExtractedValues Extract(string text, DateOnly received) => Extract(text, received, DateSense.Future);

    /// <summary>Values stated in <paramref name="text"/>; <paramref name="sense"/> decides whether a date without a year lies ahead or back.</summary>
    public static ExtractedValues Extract(string text, DateOnly received, DateSense sense)
    {
        var date = FindDateWithText(text, received, sense);
        return new ExtractedValues(date?.Date, FindAmount(text), FindFraction(text), FindInvoiceNumbers(text))
        {
            Frequency = FindFrequency(text),
            DateText = date?.Text,
            Addresses = [.. EmailAddress().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)],
        };
    }

    public static DateOnly? FindDate(string text, DateOnly received) => FindDateWithText(text, received, DateSense.Future)?.Date;

    public static DateOnly? FindDate(string text, DateOnly received, DateSense sense) => FindDateWithText(text, received, sense)?.Date;

    /// <summary>The date the text states, with the words it was read from. Explicit dates beat day-only dates, which beat relative ones.</summary>
    public static (DateOnly Date, string Text)? FindDateWithText(string text, DateOnly received, DateSense sense)
    {
        var masked = Mask(Fold(text));
        var s = SmsDoubleA.Replace(masked, "a");
        var shifted = s.Length != masked.Length;
        var candidates = new List<(int Index, int Length, DateOnly Date, int Rank)>();
        void Add(Match m, DateOnly? d, int rank)
        {
            if (d is { } date && !Negated.IsMatch(s[..m.Index]) && !ReferenceBefore.IsMatch(s[Math.Max(0, m.Index - 60)..m.Index]))
            {
                candidates.Add((m.Index, m.Length, date, rank));
            }
        }

        foreach (Match m in IsoDate().Matches(s))
        {
            Add(m, DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso : null, 4);
        }

        foreach (Match m in NumericDate.Matches(s))
        {
            int? year = m.Groups["y"].Success ? Int(m.Groups["y"].Value) : null;
            Add(m, Resolve(Int(m.Groups["d"].Value), Int(m.Groups["m"].Value), year < 100 ? 2000 + year : year, received, sense), 4);
        }

        foreach (Match m in DayMonthName.Matches(s))
        {
            Add(m, Resolve(Int(m.Groups["d"].Value), Months[m.Groups["mon"].Value], m.Groups["y"].Success ? Int(m.Groups["y"].Value) : null, received, sense), 4);
        }

        foreach (Match m in MonthNameDay.Matches(s))
        {
            Add(m, Resolve(Int(m.Groups["d"].Value), Months[m.Groups["mon"].Value], m.Groups["y"].Success ? Int(m.Groups["y"].Value) : null, received, sense), 4);
        }

        foreach (Match m in DayOnly.Matches(s))
        {
            Add(m, DayOfMonth(Int(m.Groups["d"].Value), received, sense), 3);
        }

        foreach (Match m in WeekNumber.Matches(s))
        {
            var week = Int(m.Groups["w"].Value);
            var day = m.Groups["wd"].Success ? DayOf(m.Groups["wd"].Value) : DayOfWeek.Friday;
            Add(m, InWeek(week, day, received), 3);
        }

        foreach (Match m in EndOfNamedMonth.Matches(s))
        {
            var month = Months[m.Groups["mon"].Value];
            var year = month < received.Month && sense == DateSense.Future ? received.Year + 1 : received.Year;
            Add(m, new DateOnly(year, month, DateTime.DaysInMonth(year, month)), 3);
        }

        foreach (Match m in ByDayNumber.Matches(s))
        {
            Add(m, DayOfMonth(Int(m.Groups["d"].Value), received, sense), 3);
        }

        foreach (Match m in MidMonth.Matches(s))
        {
            var named = Months.TryGetValue(m.Groups["mon"].Value, out var mon);
            var month = named ? mon : received.Month;
            var year = month < received.Month && sense == DateSense.Future ? received.Year + 1 : received.Year;
            var mid = new DateOnly(year, month, 15);
            Add(m, !named && mid < received && sense == DateSense.Future ? mid.AddMonths(1) : mid, 3);
        }

        foreach (Match m in AfterWeekend.Matches(s))
        {
            // "etter helga" / "after the weekend": the Monday after.
            Add(m, MondayOfWeek(received).AddDays(7), 2);
        }

        foreach (Match m in EndOfMonth.Matches(s))
        {
            Add(m, new DateOnly(received.Year, received.Month, DateTime.DaysInMonth(received.Year, received.Month)), 2);
        }

        foreach (Match m in YearEnd.Matches(s))
        {
            Add(m, new DateOnly(received.Year, 12, 31), 2);
        }

        foreach (Match m in Weekday.Matches(s))
        {
            if (WeekNumber.Match(s, m.Index) is { Success: true } wn && wn.Index == m.Index)
            {
                continue;
            }

            var day = DayOf(m.Groups["wd"].Value);
            var window = s.Substring(Math.Max(0, m.Index - 30), Math.Min(s.Length, m.Index + m.Length + 30) - Math.Max(0, m.Index - 30));
            var next = m.Groups["pre"].Value.Trim() is "neste" or "next" || NextWeek.IsMatch(window) || m.Groups["post"].Value.Contains("neste", StringComparison.Ordinal) || m.Groups["post"].Value.Contains("next", StringComparison.Ordinal);
            var thisWeek = m.Groups["pre"].Value.Trim() is "denne" or "this" || m.Groups["post"].Value.Contains("denne", StringComparison.Ordinal) || m.Groups["post"].Value.Contains("this", StringComparison.Ordinal);
            var date = WeekdayDate(day, received, sense, next, thisWeek);
            if (sense == DateSense.Future && WeeksLater.Match(s[(m.Index + m.Length)..]) is { Success: true } later)
            {
                // "fredag om en uke": the coming Friday, a week (or two) later.
                date = date.AddDays(7 * (later.Groups["n"].Success ? Count(later.Groups["n"].Value) : 1));
            }

            Add(m, date, 2);
        }

        foreach (Match m in NamedDay.Matches(s))
        {
            var (month, day) = m.Groups["n"].Value switch
            {
                "lillejulaften" or "lille julaften" => (12, 23),
                "julaften" or "julekveld" or "christmas eve" => (12, 24),
                _ => (12, 31),
            };
            Add(m, Resolve(day, month, null, received, sense), 3);
        }

        foreach (Match m in DayAfterTomorrow.Matches(s))
        {
            Add(m, received.AddDays(2), 2);
        }

        foreach (Match m in Tomorrow.Matches(s))
        {
            if (!DayAfterTomorrow.IsMatch(s.Substring(Math.Max(0, m.Index - 6), Math.Min(s.Length - Math.Max(0, m.Index - 6), m.Length + 6))))
            {
                Add(m, received.AddDays(1), 2);
            }
        }

        foreach (Match m in Today.Matches(s))
        {
            Add(m, received, 1);
        }

        foreach (Match m in Yesterday.Matches(s))
        {
            Add(m, received.AddDays(-1), 2);
        }

        foreach (Match m in NextWeek.Matches(s))
        {
            // "neste uke" / "end of next week": the Friday of the next calendar week.
            Add(m, FridayOfWeek(received.AddDays(7)), 1);
        }

        foreach (Match m in ThisWeek.Matches(s))
        {
            var friday = FridayOfWeek(received);
            Add(m, friday < received ? received : friday, 1);
        }

        foreach (Match m in InWeeks.Matches(s))
        {
            Add(m, received.AddDays(7 * Count(m.Groups["n"].Value)), 1);
        }

        foreach (Match m in InDays.Matches(s))
        {
            Add(m, received.AddDays(Count(m.Groups["n"].Value)), 1);
        }

        // A weekday inside a stated date ("mandag 30.11") is the same date: the explicit one wins by rank.
        var fitting = candidates.Where(c => sense == DateSense.Future ? c.Date >= received : c.Date <= received).ToList();
        if (fitting.Count == 0)
        {
            return null;
        }

        var best = fitting.OrderByDescending(c => c.Rank).ThenBy(c => c.Index).First();
        return (best.Date, !shifted && text.Length >= best.Index + best.Length ? text.Substring(best.Index, best.Length) : s.Substring(best.Index, best.Length));
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static int Count(string word) => word switch
    {
        "en" or "ei" or "ein" or "one" or "a" => 1,
        "to" or "two" => 2,
        "tre" or "three" => 3,
        "fire" or "four" => 4,
        "fem" or "five" => 5,
        "ti" or "ten" => 10,
        _ => int.Parse(word, CultureInfo.InvariantCulture),
    };

    private static DayOfWeek DayOf(string name) => WeekdayNames.First(w => w.Name == name).Day;

    private static DateOnly FridayOfWeek(DateOnly day) => day.AddDays(DayOfWeek.Friday - (day.DayOfWeek == DayOfWeek.Sunday ? (DayOfWeek)7 : day.DayOfWeek));

    private static DateOnly MondayOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly? InWeek(int week, DayOfWeek day, DateOnly received)
    {
        if (week is < 1 or > 53)
        {
            return null;
        }

        var year = ISOWeek.GetYear(received.ToDateTime(TimeOnly.MinValue));
        if (week < ISOWeek.GetWeekOfYear(received.ToDateTime(TimeOnly.MinValue)) - 8)
        {
            year++;
        }

        if (week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, day));
    }

    private static DateOnly WeekdayDate(DayOfWeek day, DateOnly received, DateSense sense, bool nextWeek, bool thisWeek)
    {
        var offset = ((int)day + 6) % 7;
        if (nextWeek)
        {
            return MondayOfWeek(received).AddDays(7 + offset);
        }

        if (sense == DateSense.Past)
        {
            var back = ((int)received.DayOfWeek - (int)day + 7) % 7;
            return received.AddDays(-(back == 0 ? 0 : back));
        }

        if (thisWeek && MondayOfWeek(received).AddDays(offset) is var inWeek && inWeek >= received)
        {
            return inWeek;
        }

        var ahead = ((int)day - (int)received.DayOfWeek + 7) % 7;
        return received.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static DateOnly? DayOfMonth(int day, DateOnly received, DateSense sense)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var month = new DateOnly(received.Year, received.Month, 1);
        for (var i = 0; i < 3; i++)
        {
            var candidate = sense == DateSense.Future ? month.AddMonths(i) : month.AddMonths(-i);
            if (day <= DateTime.DaysInMonth(candidate.Year, candidate.Month))
            {
                var date = new DateOnly(candidate.Year, candidate.Month, day);
                if (sense == DateSense.Future ? date >= received : date <= received)
                {
                    return date;
                }
            }
        }

        return null;
    }

    /// <summary>A day and month; without a year the next occurrence (ahead) or the last one (back). A stated year is kept as stated.</summary>
    private static DateOnly? Resolve(int day, int month, int? year, DateOnly received, DateSense sense)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        var y = year ?? received.Year;
        if (day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        if (year is not null)
        {
            return date;
        }

        return sense == DateSense.Future
            ? date < received ? date.AddYears(1) : date
            : date > received ? date.AddYears(-1) : date;
    }

    public static decimal? FindAmount(string text)
    {
        var s = Mask(Fold(text));
        var match = AmountBefore().Match(s);
        if (!match.Success)
        {
            match = AmountAfter().Match(s);
        }

        if (!match.Success)
        {
            match = InstallmentAmount().Match(s);
        }

        return match.Success ? ParseAmount(match.Groups["n"].Value) : null;
    }

    private static decimal? ParseAmount(string value)
    {
        var raw = value.Replace(" ", "").Replace("\u00a0", "").TrimEnd('.', ',');
        // "1.500,50" / "1 500,50" (Norwegian) versus "1,500.50" (English); "1.500" is fifteen hundred.
        if (raw.Contains(',') && (!raw.Contains('.') || raw.LastIndexOf(',') > raw.LastIndexOf('.')))
        {
            raw = raw.Replace(".", "").Replace(',', '.');
        }
        else if (raw.Contains('.') && !raw.Contains(',') && raw.Length - raw.LastIndexOf('.') == 4)
        {
            raw = raw.Replace(".", "");
        }
        else
        {
            raw = raw.Replace(",", "");
        }

        return decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0 ? amount : null;
    }

    /// <summary>How often an offered installment is paid, or null.</summary>
    public static string? FindFrequency(string text)
    {
        var s = Fold(text);
        return Biweekly().IsMatch(s) ? "biweekly" : Weekly().IsMatch(s) ? "weekly" : Monthly().IsMatch(s) ? "monthly" : null;
    }

    public static decimal? FindFraction(string text)
    {
        var s = Fold(text);
        return Half().IsMatch(s) ? 0.5m : Quarter().IsMatch(s) ? 0.25m : null;
    }

    public static IReadOnlyList<string> FindInvoiceNumbers(string text) =>
        InvoiceNumber().Matches(Fold(text)).Select(m => m.Groups["n"].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Lower case with æ, ø, å folded to e, o, a (same length, so positions still point into the original).</summary>
    public static string Fold(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'æ' => 'e',
                'ø' => 'o',
                'å' => 'a',
                'é' or 'è' => 'e',
                '\u2019' or '\u2018' => '\'',
                '\u00a0' => ' ',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    /// <summary>Blanks out numbers that are codes, not dates or amounts (same length, positions kept).</summary>
    public static string Mask(string folded)
    {
        var s = folded;
        foreach (var pattern in CodePatterns)
        {
            s = pattern.Replace(s, m => new string(' ', m.Length));
        }

        return s;
    }

    private static readonly Regex[] CodePatterns =
    [
        EmailAddress(),
        new(@"\bhttps?://\S+", RegexOptions.CultureInvariant),
        // SMTP replies and enhanced status codes: "550 5.1.1", "Status: 4.4.7", "5.2.2".
        new(@"\b[245]\d\d[ -]?(?:[245]\.\d{1,3}\.\d{1,3})?\b(?=[\s;:.,<>'""-]|$)(?=.*(?:[245]\.\d|user|recipient|mailbox|address|rejected|denied|not found|error|relay))", RegexOptions.CultureInvariant),
        new(@"(?<![\d.])[245]\.[0-7]\.\d{1,3}(?![\d]|\.\d)", RegexOptions.CultureInvariant),
        new(@"\b(?:status|diagnostic-code|feilkode|error|code)\s*:?\s*[\w; .]*?\d[\d.]*", RegexOptions.CultureInvariant),
        // Account numbers (1234.56.78903, IBAN), KID and references, org numbers, long digit strings.
        new(@"\b\d{4}[ .]\d{2}[ .]\d{5}\b", RegexOptions.CultureInvariant),
        new(@"\bno\d{2}\s?\d{4}\s?\d{2}\s?\d{5}\b", RegexOptions.CultureInvariant),
        new(@"\b(?:kid|kid-?nummer|kidnr|ref|referanse|reference|saksnummer|saksnr|org\.?\s?nr|organisasjonsnummer)\.?\s*:?\s*\d[\d ]*", RegexOptions.CultureInvariant),
        new(@"\b\d{3}\s\d{3}\s\d{3}\b", RegexOptions.CultureInvariant),
        new(@"\d{6,}", RegexOptions.CultureInvariant),
        // Phone numbers: +47 912 34 567, 912 34 567, 22 33 44 55, +44 20 7946 0958.
        new(@"\+\d{2}[\d ]{6,14}\d", RegexOptions.CultureInvariant),
        new(@"\b(?:tlf|telefon|tel|mobil|mob|phone|ring|call)\.?:?\s*(?:me\s+)?(?:on\s+|pa\s+)?[\d ]{8,}\d", RegexOptions.CultureInvariant),
        new(@"\b\d{3} \d{2} \d{3}\b", RegexOptions.CultureInvariant),
        new(@"\b\d{2} \d{2} \d{2} \d{2}\b", RegexOptions.CultureInvariant),
        // Clock times and invoice numbers.
        new(@"\b(?:kl\.?\s*)?\d{1,2}:\d{2}(?::\d{2})?\b", RegexOptions.CultureInvariant),
        new(@"\b(?:faktura|fakturaen|fakturanr|fakturanummer|invoice|invoices|invoice no|rekning|rekninga|nr|no|#)\.?\s*(?:nr\.?|no\.?|#)?\s*\d{3,}(?:\s*(?:og|and|,)\s*\d{3,})*", RegexOptions.CultureInvariant),
        // Postal codes before a place name.
        new(@"\b\d{4}(?= [a-z]+\b(?! (?:kr|nok|kroner)))(?=.*\b(?:gate|gata|vei|veien|adresse|address)\b)", RegexOptions.CultureInvariant),
    ];

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:kr\.?|nok)\s*(?<n>\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)")]
    private static partial Regex AmountBefore();

    [GeneratedRegex(@"(?<![\d.,])(?<n>\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*(?:kr\b|kroner|nok\b|,-)")]
    private static partial Regex AmountAfter();

    [GeneratedRegex(@"(?<![\d.,])(?<n>\d{1,3}(?:[ .]\d{3})+|\d{3,6})\s+(?:i|per|pr\.?|hver|kvar|every|a|each|/)\s*(?:other\s+|andre\s+)?(?:maned|mnd|manad|month|uke|veke|week|14)")]
    private static partial Regex InstallmentAmount();

    [GeneratedRegex(@"\b(?:annenhver\s+uke|annakvar\s+veke|annenhver|annakvar|(?:hver|kvar|hvar)\s+(?:14\.?|fjortende|andre)\s+(?:dag|uke|veke)|every\s+(?:other|second)\s+week|every\s+two\s+weeks|fortnight(?:ly)?|bi-?weekly)\b")]
    private static partial Regex Biweekly();

    [GeneratedRegex(@"\b(?:(?:i|per|pr\.?|hver|kvar|a|every|each)\s+(?:uke|veke|week)|weekly|ukentlig|vekentleg)\b")]
    private static partial Regex Weekly();

    [GeneratedRegex(@"\b(?:(?:i|per|pr\.?|hver|kvar|a|every|each)\s+(?:maned|mnd|manad|month)|monthly|manedlig|manadleg|manedsvis|manadsvis|monthly\s+instal+ments?)\b")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"\b(halvparten|halvdelen|half)\b")]
    private static partial Regex Half();

    [GeneratedRegex(@"\b(en\s+fjerdedel|ein\s+fjerdedel|a\s+quarter)\b")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b(?:faktura(?:nr|nummer)?|invoice(?:\s+no)?|rekning(?:a)?)\.?\s*(?:#|nr\.?|no\.?)?\s*(?<n>\d{3,})")]
    private static partial Regex InvoiceNumber();
}
