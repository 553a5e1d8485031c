namespace Receivables.Replies;

/// <summary>
/// What the rules did with a matched reply: a summary for the decision record and the task list, and whether the reply
/// now waits for the next ledger to confirm a payment it claims (<see cref="AlreadyPaidCheck"/>).
/// </summary>
public sealed record ReplyAction(string Summary, bool AwaitsLedger = false)
{
    public ReplyAction FlaggedForReview() => this with { Summary = Summary + "; flagged for review" };
}
