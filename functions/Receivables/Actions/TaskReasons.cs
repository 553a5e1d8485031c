namespace Receivables.Actions;

/// <summary>
/// Why a task opened, stored with its <see cref="TaskFacts"/> (<see cref="TaskFacts.Reason"/>) so that its title and
/// details can be worded in any language when shown. Tasks opened before the reason was stored have none: their stored
/// title and details stand.
/// </summary>
public static class TaskReasons
{
    /// <summary>A large claim got its friendly reminder (<see cref="TaskFacts.Threshold"/>: the amount it met).</summary>
    public const string LargeClaim = "large-claim";

    /// <summary>The last step before escalation: a person calls first.</summary>
    public const string BeforeEscalation = "before-escalation";

    /// <summary>A promise to pay by <see cref="TaskFacts.AboutDate"/> was broken on a large claim.</summary>
    public const string PromiseBroken = "promise-broken";

    /// <summary>
    /// The debtor disputed in a reply received on <see cref="TaskFacts.AboutDate"/>; <see cref="TaskFacts.Reference"/>
    /// names the disputed invoices (comma-separated), null when the whole claim is disputed.
    /// </summary>
    public const string DisputeInReply = "dispute-in-reply";

    /// <summary>The debtor disputed the claim on a call.</summary>
    public const string DisputeOnCall = "dispute-on-call";

    /// <summary>
    /// A dispute was upheld in full or in part (<see cref="TaskFacts.Reference"/>: <c>upheld</c> or <c>partly</c>): the
    /// credit note of <see cref="TaskFacts.Amount"/> on <see cref="TaskFacts.Invoices"/> is to be booked.
    /// </summary>
    public const string DisputeResolved = "dispute-resolved";

    /// <summary>A call a person made outside the call list, recorded in the workspace (<see cref="TaskFacts.Reference"/>: the person).</summary>
    public const string RecordedCall = "recorded-call";

    /// <summary>A drafted repayment plan waits for approval (<see cref="TaskFacts.Reference"/>: the plan).</summary>
    public const string PlanDrafted = "plan-drafted";

    /// <summary>
    /// The ladder has no further automatic step (<see cref="TaskFacts.Reference"/>: the escalation gate's recommended
    /// outcome; <see cref="TaskFacts.Grounds"/>: <c>handed-over:2001,2002</c>, the invoices handed to a person, then the
    /// gate's reasons as codes).
    /// </summary>
    public const string LadderEnded = "ladder-ended";

    /// <summary>
    /// A repayment plan was broken (<see cref="TaskFacts.Reference"/>: the plan; <see cref="TaskFacts.Grounds"/>:
    /// <c>paid:paid since acceptance|open at acceptance|currency</c> and <c>missed:2,3</c>, the installments missed).
    /// </summary>
    public const string PlanBroken = "plan-broken";

    /// <summary>A reply promises payment on <see cref="TaskFacts.AboutDate"/>, beyond the <see cref="TaskFacts.Threshold"/> days a pause may last.</summary>
    public const string PromiseOutsidePolicy = "promise-outside-policy";

    /// <summary>A reply whose sender is not the debtor's known address or failed SPF/DKIM (<see cref="TaskFacts.Reference"/>: the sender).</summary>
    public const string UnverifiedSender = "unverified-sender";

    /// <summary>
    /// A reply nothing was done with automatically (<see cref="TaskFacts.Reference"/>: <c>instruction</c> when it tries
    /// to instruct the system, <c>abstained</c> when no class clearly won, <c>model</c> when the model's answer was unusable).
    /// </summary>
    public const string ReplyNotActedOn = "reply-not-acted-on";

    /// <summary>A reply handled by rule on a low-confidence reading, to be checked (<see cref="TaskFacts.Reference"/>: its class).</summary>
    public const string LowConfidence = "low-confidence";

    /// <summary>The debtor asked about <see cref="TaskFacts.Reference"/> (invoice, kid, amount, ...), and the ledger had nothing to answer with.</summary>
    public const string QuestionUnanswered = "question-unanswered";

    /// <summary>The debtor asked for a repayment plan, and none could be drafted.</summary>
    public const string PlanNotDrafted = "plan-not-drafted";

    /// <summary>No rule recognised a reply.</summary>
    public const string ReplyUnrecognised = "reply-unrecognised";

    /// <summary>
    /// A reply no single case matches (<see cref="TaskFacts.Reference"/>: the sender; <see cref="TaskFacts.Grounds"/>:
    /// <c>class:Dispute</c> and, when several cases match, <c>cases:C1,C2</c>).
    /// </summary>
    public const string ReplyUnmatched = "reply-unmatched";

    /// <summary>A reply says the reminder reached the wrong person or names a new contact.</summary>
    public const string ContactChanged = "contact-changed";

    /// <summary>
    /// Mail to <see cref="TaskFacts.Reference"/> failed permanently: a delivery report came back (<see cref="TaskFacts.Grounds"/>
    /// empty), or the mail service reported it (<c>event:bounce</c>, <c>detail:550 ...</c>).
    /// </summary>
    public const string EmailFailing = "email-failing";

    /// <summary>
    /// The debtor accepted a plan that asks for security (<see cref="TaskFacts.Reference"/>: the plan); it is in force
    /// once the security and the signed agreement are received.
    /// </summary>
    public const string SecurityAwaited = "security-awaited";

    /// <summary>
    /// No late-payment rate row starts on <see cref="TaskFacts.AboutDate"/> (a half-year): interest is computed at
    /// <see cref="TaskFacts.Threshold"/> percent, the row from <see cref="TaskFacts.Reference"/> (yyyy-MM-dd).
    /// </summary>
    public const string RateMissing = "rate-missing";

    /// <summary>
    /// The inkassovarsel went by email to <see cref="TaskFacts.Reference"/>, an address the debtor never confirmed within
    /// <see cref="TaskFacts.Threshold"/> days: it is to be posted.
    /// </summary>
    public const string NoticeToPost = "notice-to-post";

    /// <summary>A set-off of <see cref="TaskFacts.Amount"/> on <see cref="TaskFacts.Invoices"/> was proposed (<see cref="TaskFacts.Reference"/>: the proposal).</summary>
    public const string SetOffProposed = "set-off-proposed";

    /// <summary>
    /// A reminder could not be sent (<see cref="TaskFacts.Reference"/>: its template; <see cref="TaskFacts.Threshold"/>:
    /// its level; <see cref="TaskFacts.AboutDate"/>: the cycle's date; <see cref="TaskFacts.Grounds"/>:
    /// <c>error:the sender's reason</c>).
    /// </summary>
    public const string SendFailed = "send-failed";

    /// <summary>
    /// The dunning cycle of <see cref="TaskFacts.AboutDate"/> could not process the debtor (<see cref="TaskFacts.Grounds"/>:
    /// <c>error:type: message</c>).
    /// </summary>
    public const string DebtorSkipped = "debtor-skipped";

    /// <summary>
    /// A bank payment matched no invoice (<see cref="TaskFacts.Grounds"/>: the bank line, <c>paid:amount|currency</c>,
    /// <c>booked:</c>, <c>payer:</c>, <c>account:</c>, <c>kid:</c>, <c>ref:</c>, <c>text:</c>, and <c>why:</c> the matcher's reason).
    /// </summary>
    public const string PaymentUnplaced = "payment-unplaced";

    /// <summary>A bank payment paid <see cref="TaskFacts.Amount"/> more than the debtor owes (<see cref="TaskFacts.Grounds"/>: the bank line as for <see cref="PaymentUnplaced"/>).</summary>
    public const string Overpaid = "overpaid";

    /// <summary>A bank reversal matched no stored payment (<see cref="TaskFacts.Grounds"/>: the bank line).</summary>
    public const string ReversalUnplaced = "reversal-unplaced";

    /// <summary>
    /// A bank reversal undoes a payment the ledger already shows <see cref="TaskFacts.Threshold"/> of as paid
    /// (<see cref="TaskFacts.Grounds"/>: the bank line and <c>invoices:2001,2002</c>, to reopen).
    /// </summary>
    public const string ReversalInLedger = "reversal-in-ledger";

    /// <summary>
    /// The bank booked a payment (<see cref="TaskFacts.Grounds"/>: <c>paid:amount|currency</c>) on invoice
    /// <see cref="TaskFacts.Reference"/> on <see cref="TaskFacts.AboutDate"/>, and the ledger still shows it open more than
    /// <see cref="TaskFacts.Threshold"/> days later (<c>ledger:taken yyyy-MM-dd|open|file</c>).
    /// </summary>
    public const string NotInLedger = "not-in-ledger";
}
