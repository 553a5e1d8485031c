namespace Receivables.Email;

/// <summary>Which step of the ladder a message belongs to; names the template (<c>{Template}.{language}.html|txt.liquid</c>).</summary>
public static class MessageTemplates
{
    public const string Friendly = "friendly-reminder";
    public const string Reminder = "reminder";
    public const string CollectionNotice = "collection-notice";
    public const string Acknowledgement = "acknowledgement";
    public const string StillOpen = "still-open";
    public const string InvoiceCopy = "invoice-copy";
    public const string PlanProposal = "plan-proposal";
    public const string CallConfirmation = "call-confirmation";
    public const string PlanMissed = "plan-missed";
    public const string PlanAccepted = "plan-accepted";

    /// <summary>A dispute resolved by a person: upheld, rejected (reason and new deadline) or partly credited.</summary>
    public const string DisputeOutcome = "dispute-outcome";

    /// <summary>The answer to a dispute: which invoices are on hold, what is needed, payment only of the undisputed ones.</summary>
    public const string DisputeAcknowledgement = "dispute-acknowledgement";

    /// <summary>A promise to pay confirmed in writing with its date (and amount).</summary>
    public const string PromiseConfirmation = "promise-confirmation";

    /// <summary>The day after a promised date (plus grace) without payment.</summary>
    public const string PromiseBroken = "promise-broken";

    /// <summary>"Already paid": the next ledger shows the payment; the case is closed.</summary>
    public const string PaymentFound = "payment-found";

    public const string ReplyAnswer = "reply-answer";
}
