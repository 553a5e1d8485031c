namespace Receivables.Plans;

/// <summary>Where a repayment plan is in its life.</summary>
public enum PlanStatus
{
    /// <summary>Drafted by rules; waits for a person to approve or reject it.</summary>
    Draft,

    /// <summary>A person rejected the draft; nothing was sent.</summary>
    Rejected,

    /// <summary>Approved and sent to the debtor; waits for acceptance until <see cref="RepaymentPlan.AnswerBy"/>.</summary>
    Proposed,

    /// <summary>
    /// Accepted, but the policy asks for security (claim above <c>SecurityThreshold</c>): a person confirms the security
    /// received (or waives it, recorded) before the plan is in force. Dunning stays paused meanwhile.
    /// </summary>
    AwaitingSecurity,

    /// <summary>Accepted (by reply or signed document): dunning is paused, ledgers are checked against the schedule.</summary>
    InForce,

    /// <summary>The covered invoices are paid.</summary>
    Completed,

    /// <summary>Installments were missed beyond the policy's tolerance; the case went back to the ladder and a person.</summary>
    Broken,

    /// <summary>The debtor did not accept by the deadline.</summary>
    Lapsed,
}
