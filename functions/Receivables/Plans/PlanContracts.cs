namespace Receivables.Plans;

/// <summary>Who asked for a repayment plan.</summary>
public enum ArrangementSource
{
    Reply,
    Person,
    EscalationGate,
}

/// <summary>A request to draft a repayment plan for a debtor (a liquidity reply, a person, or the escalation gate).</summary>
public sealed record ArrangementRequest(
    string CreditorId,
    string DebtorId,
    string? CaseId,
    ArrangementSource Source,
    string Note,
    string IdempotencyKey,
    decimal? ProposedInstallment = null,
    string? ProposedFrequency = null);

/// <summary>Replies hand liquidity problems and arrangement requests here; the plans feature drafts a proposal.</summary>
public interface IArrangementRequests
{
    /// <summary>Drafts (once per idempotency key) a plan proposal awaiting approval; returns its id.</summary>
    Task<string> RequestAsync(ArrangementRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// A reply that accepts a proposal ("godtar", "accept") for this debtor: puts the sent proposal in force and returns
    /// its id, or null when the debtor has no proposal awaiting acceptance.
    /// </summary>
    Task<string?> AcceptByReplyAsync(string creditorId, string debtorId, string replyReference, CancellationToken cancellationToken = default);
}

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

/// <summary>Reads <see cref="PlanFacts"/> for a debtor. The plans feature implements it; without it every debtor has none.</summary>
public interface IPlanFacts
{
    Task<PlanFacts> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);
}
