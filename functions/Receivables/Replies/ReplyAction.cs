using Receivables.Plans;

namespace Receivables.Replies;

/// <summary>
/// A debtor's answer in structured form, whether it came by email (classified) or from the debtor's page (chosen):
/// the class decides the action, the values are checked by the rules. <see cref="Key"/> makes every effect idempotent.
/// </summary>
public sealed record ReplyAction(
    ReplyClass Class,
    ExtractedValues Values,
    DateOnly Received,
    string Key,
    string Note,
    string? ReplyAddress,
    string Subject,
    string Text,
    ArrangementSource Source = ArrangementSource.Reply,
    string? ProposedFrequency = null);

/// <summary>What the action did. <see cref="ConfirmedInWriting"/>: a message to the debtor already confirms it.</summary>
public sealed record ReplyOutcome(string Action, bool ConfirmedInWriting, bool ToPerson);
