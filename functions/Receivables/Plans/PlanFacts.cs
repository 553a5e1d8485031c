namespace Receivables.Plans;

/// <summary>What the plans feature knows about a debtor's plans, for the escalation gate and credit hold.</summary>
public sealed record PlanFacts(int Proposed, int InForce, int Completed, int Broken, int MissedInstallments, DateOnly? LastBrokenOn)
{
    public static readonly PlanFacts None = new(0, 0, 0, 0, 0, null);

    public bool HasPlanInForce => InForce > 0;

    /// <summary>
    /// A plan is in force and its condition for new deliveries is met (policy ResumeDeliveriesAfterInstallments:
    /// that many installments paid; 0 = on acceptance). The credit hold lifts on this.
    /// </summary>
    public bool DeliveriesMayResume { get; init; }
}
