using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>
/// One piece of evidence for a class, matched in a clause of folded text (lower case, æøå as e/o/a).
/// <see cref="Negatable"/> cues are void when a negation governs them ("betaler ikke", "won't pay"); cues that carry
/// their own negation ("ikke mottatt", "ikke råd") are not.
/// </summary>
public sealed record ReplyCue(ReplyClass Class, double Weight, bool Negatable, Regex Pattern)
{
    public static ReplyCue Of(ReplyClass cls, double weight, bool negatable, string pattern) =>
        new(cls, weight, negatable, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled));
}
