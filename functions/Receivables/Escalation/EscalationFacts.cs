namespace Receivables.Escalation;

/// <summary>The facts the gate decides from, gathered from the ledger, the evidence archive and the plans feature.</summary>
public sealed record EscalationFacts(
    string Currency,
    decimal OverdueAmount,
    decimal PaidOnOverdueInvoices,
    int OverdueInvoices,
    int PartlyPaidInvoices,
    int OldestDaysOverdue,
    int RemindersSent,
    int Replies,
    int LiquidityReplies,
    int PromiseReplies,
    int DisputeReplies,
    int PlansBroken,
    bool PlanInForce)
{
    /// <summary>Why the claim may not go to collection yet (no inkassovarsel sent, or its deadline not passed); null when the law's notices are in place.</summary>
    public string? NoticeMissing { get; init; }

    /// <summary><see cref="NoticeMissing"/> as a code (<see cref="LegalNotices.CheckAsync"/>), worded by a page in the reader's language.</summary>
    public string? NoticeMissingGround { get; init; }
}
