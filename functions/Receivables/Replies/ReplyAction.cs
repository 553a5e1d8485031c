namespace Receivables.Replies;

/// <summary>
/// What the rules did with a debtor's answer (an email reply or the debtor's page): a summary for the decision record and
/// the task list, whether the reply now waits for the next ledger to confirm a payment it claims
/// (<see cref="AlreadyPaidCheck"/>), and whether a letter to the debtor already confirms it in writing.
/// </summary>
public sealed record ReplyAction(string Summary, bool AwaitsLedger = false)
{
    /// <summary>A letter to the debtor (confirmation, acknowledgement, copy) already states what was done.</summary>
    public bool ConfirmedInWriting { get; init; }

    public ReplyAction FlaggedForReview() => this with { Summary = Summary + "; flagged for review" };
}
