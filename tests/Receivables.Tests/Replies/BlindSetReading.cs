using Receivables.Replies;

namespace Receivables.Tests.Replies;

/// <summary>How the blind-set tests read a reply: a reply to "Purring", received on Wednesday 2 December 2026, quotes stripped.</summary>
internal static class BlindSetReading
{
    public static readonly DateOnly Wednesday = new(2026, 12, 2);

    public static Triage Classify(string text, DateOnly? received = null) =>
        RuleClassifier.Classify("SV: Purring", ReplyText.StripQuoted(text), false, received ?? Wednesday);

    public static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
