using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>What a reply is about. The class alone decides the action; extracted values are only proposals checked by rules.</summary>
public enum ReplyClass
{
    PromiseToPay,
    Dispute,
    Liquidity,
    AlreadyPaid,
    NotReceived,
    CopyRequest,
    AutoReply,
    ContactChange,
    Other,
}

/// <summary>Dates and amounts stated in a reply, relative to the day it was received.</summary>
public sealed record ExtractedValues(DateOnly? Date, decimal? Amount, decimal? Fraction, IReadOnlyList<string> InvoiceNumbers);

/// <summary>The triage result. <see cref="Flags"/> name why a person should look (injection, low confidence, ...).</summary>
public sealed record Triage(ReplyClass Class, double Confidence, ExtractedValues Values, IReadOnlyList<string> Flags, string Actor);

/// <summary>Turns a mail body into the debtor's own words: drops quoted previous messages and HTML.</summary>
public static partial class ReplyText
{
    /// <summary>The new text of a reply: plain text when present, else HTML as text; quoted history removed.</summary>
    public static string NewText(string? text, string? html)
    {
        var body = !string.IsNullOrWhiteSpace(text) ? text : HtmlToText(html ?? "");
        return StripQuoted(body);
    }

    public static string HtmlToText(string html)
    {
        var s = BlockQuote().Replace(html, "");
        s = GmailQuote().Replace(s, "");
        s = ScriptOrStyle().Replace(s, "");
        s = LineBreakTags().Replace(s, "\n");
        s = Tags().Replace(s, "");
        return WebUtility.HtmlDecode(s).Replace('\u00a0', ' ');
    }

    public static string StripQuoted(string body)
    {
        var lines = body.Replace("\r\n", "\n").Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.Trim();
            if (QuoteHeader().IsMatch(trimmed) || OriginalMessage().IsMatch(trimmed))
            {
                break;
            }

            // Outlook: "From: ..." followed within two lines by "Sent:"/"Date:" (or Norwegian "Fra:"/"Sendt:").
            if (OutlookFrom().IsMatch(trimmed) && lines.Skip(i + 1).Take(3).Any(l => OutlookSent().IsMatch(l.Trim())))
            {
                break;
            }

            if (trimmed.StartsWith('>'))
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join("\n", kept).Trim();
    }

    [GeneratedRegex(@"<blockquote\b.*?</blockquote>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BlockQuote();

    [GeneratedRegex(@"<div[^>]*class=""?[^"">]*(gmail_quote|moz-cite-prefix|OutlookMessageHeader)[^>]*>.*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex GmailQuote();

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTags();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^(On\s.+wrote:|Den\s.+skrev.*:|.+\sskrev\s.+:$|.+\swrote:$)", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Opprinnelig melding|Videresendt melding|Forwarded message)\s*-{2,}|_{10,})", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(From|Fra):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^(Sent|Sendt|Date|Dato):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();
}

/// <summary>Finds dates, amounts and invoice numbers in Norwegian bokmål and English text.</summary>
public static partial class ValueExtractor
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mandag"] = DayOfWeek.Monday,
        ["tirsdag"] = DayOfWeek.Tuesday,
        ["onsdag"] = DayOfWeek.Wednesday,
        ["torsdag"] = DayOfWeek.Thursday,
        ["fredag"] = DayOfWeek.Friday,
        ["lørdag"] = DayOfWeek.Saturday,
        ["søndag"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januar"] = 1,
        ["january"] = 1,
        ["jan"] = 1,
        ["februar"] = 2,
        ["february"] = 2,
        ["feb"] = 2,
        ["mars"] = 3,
        ["march"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["mai"] = 5,
        ["may"] = 5,
        ["juni"] = 6,
        ["june"] = 6,
        ["juli"] = 7,
        ["july"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["oktober"] = 10,
        ["october"] = 10,
        ["okt"] = 10,
        ["oct"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["desember"] = 12,
        ["december"] = 12,
        ["des"] = 12,
        ["dec"] = 12,
    };

    /// <summary>Values stated in <paramref name="text"/>, with relative dates resolved from <paramref name="received"/> (local date).</summary>
    public static ExtractedValues Extract(string text, DateOnly received) =>
        new(FindDate(text, received), FindAmount(text), FindFraction(text), FindInvoiceNumbers(text));

    public static DateOnly? FindDate(string text, DateOnly received)
    {
        if (IsoDate().Match(text) is { Success: true } iso
            && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
        {
            return isoDate;
        }

        if (NumericDate().Match(text) is { Success: true } numeric)
        {
            var day = int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            int? year = numeric.Groups["y"].Success ? int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (Resolve(day, month, year < 100 ? 2000 + year : year, received) is { } d)
            {
                return d;
            }
        }

        if (DayMonthName().Match(text) is { Success: true } dm && Months.TryGetValue(dm.Groups["mon"].Value, out var m1)
            && Resolve(int.Parse(dm.Groups["d"].Value, CultureInfo.InvariantCulture), m1, null, received) is { } d1)
        {
            return d1;
        }

        if (MonthNameDay().Match(text) is { Success: true } md && Months.TryGetValue(md.Groups["mon"].Value, out var m2)
            && Resolve(int.Parse(md.Groups["d"].Value, CultureInfo.InvariantCulture), m2, null, received) is { } d2)
        {
            return d2;
        }

        if (Tomorrow().IsMatch(text))
        {
            return received.AddDays(1);
        }

        if (EndOfMonth().IsMatch(text))
        {
            return new DateOnly(received.Year, received.Month, DateTime.DaysInMonth(received.Year, received.Month));
        }

        if (WeekdayWord().Match(text) is { Success: true } wd && Weekdays.TryGetValue(wd.Value, out var weekday))
        {
            var days = ((int)weekday - (int)received.DayOfWeek + 7) % 7;
            return received.AddDays(days == 0 ? 7 : days);
        }

        if (NextWeek().IsMatch(text))
        {
            return received.AddDays(7);
        }

        return null;
    }

    /// <summary>The next occurrence (on or after <paramref name="received"/>) of a day and month, or the stated year.</summary>
    private static DateOnly? Resolve(int day, int month, int? year, DateOnly received)
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
        return year is null && date < received ? date.AddYears(1) : date;
    }

    public static decimal? FindAmount(string text)
    {
        var match = AmountBefore().Match(text);
        if (!match.Success)
        {
            match = AmountAfter().Match(text);
        }

        if (!match.Success)
        {
            return null;
        }

        var raw = match.Groups["n"].Value.Replace(" ", "").Replace("\u00a0", "");
        // "1.500,50" / "1 500,50" (Norwegian) versus "1,500.50" (English).
        if (raw.Contains(',') && (!raw.Contains('.') || raw.LastIndexOf(',') > raw.LastIndexOf('.')))
        {
            raw = raw.Replace(".", "").Replace(',', '.');
        }
        else
        {
            raw = raw.Replace(",", "");
        }

        return decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0 ? amount : null;
    }

    public static decimal? FindFraction(string text) =>
        Half().IsMatch(text) ? 0.5m : Quarter().IsMatch(text) ? 0.25m : null;

    public static IReadOnlyList<string> FindInvoiceNumbers(string text) =>
        InvoiceNumber().Matches(text).Select(m => m.Groups["n"].Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d.,])(?<d>[0-3]?\d)\.(?<m>[01]?\d)(?:\.(?<y>(?:20)?\d{2}))?(?![\d,]|\.\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)\.?\s+(?<mon>[a-zæøå]{3,9})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<mon>[a-z]{3,9})\s+(?<d>[0-3]?\d)(st|nd|rd|th)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"\b(i\s+morgen|tomorrow)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(utgangen\s+av\s+(måneden|mnd)|end\s+of\s+(the\s+)?month|månedsslutt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfMonth();

    [GeneratedRegex(@"(?<![a-zæøå])(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-zæøå])", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayWord();

    [GeneratedRegex(@"\b(neste\s+uke|next\s+week)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextWeek();

    [GeneratedRegex(@"(?:kr\.?|NOK)\s*(?<n>\d{1,3}(?:[ \u00a0.,]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)", RegexOptions.IgnoreCase)]
    private static partial Regex AmountBefore();

    [GeneratedRegex(@"(?<n>\d{1,3}(?:[ \u00a0.,]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*(?:kr\b|kroner|NOK|,-)", RegexOptions.IgnoreCase)]
    private static partial Regex AmountAfter();

    [GeneratedRegex(@"\b(halvparten|half)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Half();

    [GeneratedRegex(@"\b(en\s+fjerdedel|a\s+quarter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b(?:faktura(?:nr|nummer)?|invoice(?:\s+no)?)\.?\s*(?:#|nr\.?|no\.?)?\s*(?<n>\d{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceNumber();
}

/// <summary>
/// The default classifier: keyword rules for Norwegian bokmål and English, applied to the reply's own words only.
/// Later rules never override earlier ones; the order is the order of safety (auto-replies, disputes and payments
/// claimed first).
/// </summary>
public static partial class RuleClassifier
{
    private static readonly (ReplyClass Class, Regex Pattern)[] Rules =
    [
        (ReplyClass.AutoReply, AutoReplyText()),
        (ReplyClass.Dispute, DisputeText()),
        (ReplyClass.AlreadyPaid, AlreadyPaidText()),
        (ReplyClass.Liquidity, LiquidityText()),
        (ReplyClass.NotReceived, NotReceivedText()),
        (ReplyClass.CopyRequest, CopyText()),
        (ReplyClass.ContactChange, ContactChangeText()),
        (ReplyClass.PromiseToPay, PromiseText()),
    ];

    /// <summary>Classifies <paramref name="newText"/> (quoted history already removed).</summary>
    public static Triage Classify(string subject, string newText, bool autoSubmittedHeader, DateOnly received)
    {
        var flags = new List<string>();
        if (InjectionText().IsMatch(newText) || InjectionText().IsMatch(subject))
        {
            flags.Add("instruction-in-reply");
        }

        var values = ValueExtractor.Extract(newText, received);
        if (autoSubmittedHeader || AutoReplySubject().IsMatch(subject))
        {
            return new Triage(ReplyClass.AutoReply, 0.95, values, flags, Evidence.Actors.Rule);
        }

        var matched = Rules.Where(r => r.Pattern.IsMatch(newText)).Select(r => r.Class).ToList();
        if (matched.Count == 0)
        {
            flags.Add("no-rule-matched");
            return new Triage(ReplyClass.Other, 0.3, values, flags, Evidence.Actors.Rule);
        }

        var confidence = matched.Count == 1 ? 0.85 : 0.65;
        return new Triage(matched[0], confidence, values, flags, Evidence.Actors.Rule);
    }

    [GeneratedRegex(@"^(automatisk svar|autosvar|automatic reply|auto:|out of (the )?office|fravær|ikke på kontoret)", RegexOptions.IgnoreCase)]
    private static partial Regex AutoReplySubject();

    [GeneratedRegex(@"(er ikke på kontoret|ute av kontoret|out of (the )?office|tilbake (på jobb )?(den |igjen )?\d|i'?m (currently )?away|på ferie til|automatisk svar|this is an automatic)", RegexOptions.IgnoreCase)]
    private static partial Regex AutoReplyText();

    [GeneratedRegex(@"(bestrider|uenig i (kravet|fakturaen)|reklamasjon|reklamerer|\bklage|mangelfull|ikke (levert|bestilt|som avtalt)|feil (beløp|pris|på fakturaen)|varen (var|er) (ødelagt|skadet|defekt)|dispute|disagree|complain|never (ordered|delivered)|not (delivered|as agreed|what we ordered)|damaged|defective|wrong (amount|price))", RegexOptions.IgnoreCase)]
    private static partial Regex DisputeText();

    [GeneratedRegex(@"(allerede betalt|har betalt|er betalt|betalte (den|i går|forrige)|betalingen (ble|er) (sendt|overført|gjennomført)|already paid|have paid|has been paid|was paid|paid (it|this|the invoice) (on|yesterday|last)|payment was (made|sent)|mark as paid|marker som betalt)", RegexOptions.IgnoreCase)]
    private static partial Regex AlreadyPaidText();

    [GeneratedRegex(@"(betalingsproblem|betalingsvansker|trang økonomi|dårlig råd|ikke råd|likviditet|nedbetalingsplan|betalingsplan|avdrag|delbetal|betalingsutsettelse|utsettelse|halvparten nå|payment plan|instal+ments?|can'?t (afford|pay)|cannot (afford|pay)|unable to pay|cash ?flow|financial difficult|pay in (parts|installments)|half now|arrangement)", RegexOptions.IgnoreCase)]
    private static partial Regex LiquidityText();

    [GeneratedRegex(@"(ikke (mottatt|fått) (noen |denne |den |original)?faktura|har aldri (mottatt|fått)|finner ikke fakturaen|never received|did not receive|didn'?t receive|have not received|haven'?t received)", RegexOptions.IgnoreCase)]
    private static partial Regex NotReceivedText();

    [GeneratedRegex(@"(kopi av faktura|fakturakopi|send (meg |oss )?(en )?(kopi|fakturaen på nytt)|sende fakturaen (på nytt|igjen)|(a )?copy of the invoice|resend the invoice|send (me|us) (a copy|the invoice))", RegexOptions.IgnoreCase)]
    private static partial Regex CopyText();

    [GeneratedRegex(@"(feil (person|mottaker|adresse)|jobber (ikke|ikke lenger) (her|i)|har sluttet|ny kontaktperson|kontakt (heller )?\S+@|send (heller )?til \S+@|wrong (person|recipient|address)|no longer (works?|with)|has left the company|please contact \S+@|new contact)", RegexOptions.IgnoreCase)]
    private static partial Regex ContactChangeText();

    [GeneratedRegex(@"(betaler|betale|betalt|overfører|blir (overført|betalt)|skal (betale|ordne)|ordner (det|betaling)|will pay|'ll pay|going to pay|pay (by|on|before|it|the)|payment (will|on|by)|transfer (the|it))", RegexOptions.IgnoreCase)]
    private static partial Regex PromiseText();

    [GeneratedRegex(@"(ignore (all )?(previous|prior|above) (instructions|prompts?)|ignorer (alle )?(tidligere|forrige) (instruksjoner|beskjeder)|system prompt|you are now|du er nå en|mark (this |the invoice |it )?as paid|marker (den |fakturaen )?som betalt|set (status|balance) to|close (the|this) case)", RegexOptions.IgnoreCase)]
    private static partial Regex InjectionText();
}
