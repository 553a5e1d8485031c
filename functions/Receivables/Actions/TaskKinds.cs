namespace Receivables.Actions;

/// <summary>Kinds of work for a person. Strings, so that features can add their own.</summary>
public static class TaskKinds
{
    public const string CallDebtor = "call-debtor";
    public const string ReviewDispute = "review-dispute";
    public const string ReviewReply = "review-reply";
    public const string UnmatchedReply = "unmatched-reply";
    public const string ContactChange = "contact-change";
    public const string InvalidEmail = "invalid-email";
    public const string DecideEscalation = "decide-escalation";
    public const string ApprovePlan = "approve-plan";
    public const string ConfirmSecurity = "confirm-security";
    public const string AddRate = "add-rate";
    public const string SendByPost = "send-by-post";
    public const string ApproveSetOff = "approve-set-off";

    /// <summary>A reminder could not be sent; the case is held until a person fixes the cause or sends it another way.</summary>
    public const string SendFailed = "send-failed";

    /// <summary>A dispute was upheld (in full or in part): the credit note must be booked; the invoices stay held until the ledger shows it.</summary>
    public const string BookCreditNote = "book-credit-note";
}
