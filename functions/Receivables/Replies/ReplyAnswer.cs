using Receivables.Email;
using Receivables.Plans;

namespace Receivables.Replies;

/// <summary>
/// A debtor's answer in structured form, whether it came by email (classified) or from the debtor's page (chosen): the
/// class decides the action, the values are checked by the rules. <see cref="Key"/> makes every effect idempotent;
/// <see cref="Origin"/> names where it came from in notes ("reply r-1", "the debtor's page (link x)").
/// </summary>
public sealed record ReplyAnswer(
    ReplyClass Class,
    ExtractedValues Values,
    DateOnly Received,
    string Key,
    string Note,
    string Origin,
    string? ReplyAddress,
    string Subject,
    string Text,
    ArrangementSource Source = ArrangementSource.Reply,
    string? ProposedFrequency = null)
{
    /// <summary>The debtor's message an answering letter threads to (email replies only).</summary>
    public ReplyThread? Thread { get; init; }
}
