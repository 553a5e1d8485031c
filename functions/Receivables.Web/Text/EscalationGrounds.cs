namespace Receivables.Web.Text;

/// <summary>
/// The escalation gate's reasons (<see cref="Receivables.Escalation.EscalationAdvice.Grounds"/>: <c>code:figure|figure</c>)
/// in the reader's language, for the decision task and the debtor's timeline alike.
/// </summary>
public static class EscalationGrounds
{
    /// <summary>One reason, or null when its code or figures are not known here.</summary>
    public static string? Word(Texts texts, string ground, string? currency) =>
        ground.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            ? Word(texts, ground[..colon], ground[(colon + 1)..], currency)
            : Word(texts, ground, "", currency);

    /// <summary>Every reason, capitalized, a sentence each; null when one of them is not known here.</summary>
    public static IReadOnlyList<string>? Sentences(Texts texts, IEnumerable<string> grounds, string? currency)
    {
        var said = new List<string>();
        foreach (var ground in grounds)
        {
            if (Word(texts, ground, currency) is not { Length: > 0 } words)
            {
                return null;
            }

            said.Add(char.ToUpper(words[0], System.Globalization.CultureInfo.CurrentCulture) + words[1..] + ".");
        }

        return said;
    }

    private static string? Word(Texts texts, string code, string rest, string? currency)
    {
        var a = rest.Split('|');
        string Money(int i) => Texts.Amount(decimal.Parse(a[i], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture), currency);
        int N(int i) => int.Parse(a[i], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture);
        var key = "ground." + code;
        try
        {
            return code switch
            {
                "below-minimum" or "above-minimum" => texts.Format(key, Money(0), Money(1)),
                "liquidity-replies" or "promise-replies" => texts.Format(key, N(0) == 1 ? texts["times.one"] : texts.Format("times.many", N(0))),
                "partly-paid" => texts.Format(key, Money(0), Count(texts, "invoice", N(1))),
                "plans-broken-limit" or "plans-broken-below" => texts.Format(key, Count(texts, "plan", N(0)), N(1)),
                "plans-broken" => texts.Format(key, Count(texts, "plan", N(0))),
                "oldest-within" => texts.Format(key, N(0), N(1)),
                "no-reply" => texts.Format(key, Count(texts, "reminder", N(0))),
                "replies-no-payment" => texts.Format(key, Count(texts, "reply", N(0))),
                "nothing-paid" => texts.Format(key, Count(texts, "overdue-invoice", N(0)), Money(1), N(2)),
                "collection-refused" when Split(rest) is var (notice, figures) => Word(texts, notice, figures, currency),
                "no-notice" => texts.Format(key, Count(texts, "letter", N(0))),
                "notice-pending" => texts.Format(key, Texts.Date(IsoDate(a[0])), texts.Has("channel." + a[1]) ? texts["channel." + a[1]] : a[1], Texts.Date(IsoDate(a[2]))),
                "illiquid-write-down" or "illiquid-plan" or "extension-keeps" or "disputed-earlier" or "send-notice-first" => texts[key],
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>"2 fakturaer", "1 invoice": a count with its noun (<c>count.&lt;noun&gt;</c>: singular|plural).</summary>
    private static string Count(Texts texts, string noun, int n) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, texts["count." + noun].Split('|')[n == 1 ? 0 : 1], n);

    private static (string Code, string Value) Split(string ground) =>
        ground.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (ground[..colon], ground[(colon + 1)..]) : (ground, "");

    private static DateOnly? IsoDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
