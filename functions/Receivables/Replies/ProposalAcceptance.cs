using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>
/// Whether a reply accepts a repayment proposal ("godtar", "aksepterer", "accept", "agree"), in the debtor's own new
/// text, and not negated ("godtar ikke", "do not accept"). Only asked when the debtor has a proposal awaiting an answer.
/// </summary>
public static partial class ProposalAcceptance
{
    public static bool IsAcceptance(string newText)
    {
        foreach (Match match in AcceptWord().Matches(newText))
        {
            var before = newText[Math.Max(0, match.Index - 30)..match.Index];
            var after = newText[(match.Index + match.Length)..Math.Min(newText.Length, match.Index + match.Length + 12)];
            if (!NegationBefore().IsMatch(before) && !NegationAfter().IsMatch(after))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(godtar|godtek|aksepterer|akseptert|sier ja|accept|accepts|accepted|agree|agreed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AcceptWord();

    [GeneratedRegex(@"\b(ikke|ikkje|not|don't|do not|cannot|can't|kan ikke|kan ikkje|never)\b[^.!?]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegationBefore();

    [GeneratedRegex(@"^\s*(ikke|ikkje)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegationAfter();
}
