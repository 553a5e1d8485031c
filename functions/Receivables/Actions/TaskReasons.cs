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
}
