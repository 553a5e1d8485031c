using System.Text.Json.Serialization;

namespace Receivables.Plans;

/// <summary>
/// A repayment plan for one debtor: the claim it settles, the schedule computed by rules, and its life from draft to
/// completion or breach. Stored as JSON in the <c>Plans</c> table (partition = creditor, row = plan id).
/// </summary>
public sealed class RepaymentPlan
{
    public string CreditorId { get; set; } = "";

    public string PlanId { get; set; } = "";

    public string DebtorId { get; set; } = "";

    public string DebtorName { get; set; } = "";

    /// <summary>A business is addressed as "dere" and may be offered deliveries again; from the ledger at drafting.</summary>
    public bool DebtorIsBusiness { get; set; }

    public string? CaseId { get; set; }

    public ArrangementSource Source { get; set; }

    public string Note { get; set; } = "";

    public PlanStatus Status { get; set; }

    public string Currency { get; set; } = "NOK";

    public DateTimeOffset CreatedAt { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Invoices the plan covers: those open when it was drafted. Later invoices follow the ladder.</summary>
    public List<string> CoveredInvoices { get; set; } = [];

    public decimal Principal { get; set; }

    public decimal Fees { get; set; }

    public decimal Interest { get; set; }

    public decimal Compensation { get; set; }

    /// <summary>Principal + fees + interest + compensation on the start date.</summary>
    public decimal Claim { get; set; }

    /// <summary>Fees left out of the installments and forgiven when the plan is kept (policy WaiveFeesIfKept).</summary>
    public decimal FeesWaivedIfKept { get; set; }

    /// <summary>§ 3a compensation left out of the plan by policy (WaiveCompensation).</summary>
    public decimal CompensationWaived { get; set; }

    /// <summary>Whether installments carry interest during the plan (policy ChargeInterest with a rate); else it is waived.</summary>
    public bool ChargesInterest { get; set; }

    /// <summary>The interest the installments carry in total (0 unless <see cref="ChargesInterest"/>).</summary>
    public decimal PlanInterest { get; set; }

    public PlanFrequency Frequency { get; set; }

    public List<AgreedInstallment> Installments { get; set; } = [];

    public decimal? SettlementAmount { get; set; }

    public DateOnly? SettlementPayBy { get; set; }

    public bool RequiresSecurity { get; set; }

    /// <summary>The plan's own KID for every installment (<see cref="PlanReference"/>); payments are allocated oldest invoice first.</summary>
    public string? Kid { get; set; }

    /// <summary>What the debtor (or person) proposed to pay per installment, kept so the schedule can be recomputed.</summary>
    public decimal? ProposedInstallment { get; set; }

    public PlanFrequency? ProposedFrequency { get; set; }

    /// <summary>The first due date a person chose when adjusting the draft (null: the policy's first-payment days).</summary>
    public DateOnly? ProposedFirstDueDate { get; set; }

    /// <summary>Idempotency keys of adjustments already applied to the draft (most recent last).</summary>
    public List<string> AdjustmentKeys { get; set; } = [];

    public string? ApprovalTaskId { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? RejectReason { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? MessageId { get; set; }

    /// <summary><c>template</c>, or <c>model</c> when Azure OpenAI's wording passed the number check.</summary>
    public string? LetterWording { get; set; }

    public DateOnly? AnswerBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? AcceptedVia { get; set; }

    /// <summary>What the covered invoices had open when the plan came into force; payments are measured from it.</summary>
    public decimal OpenAtAcceptance { get; set; }

    /// <summary>What the covered invoices' open amounts have fallen by since acceptance, by the latest ledger.</summary>
    public decimal Paid { get; set; }

    /// <summary>Installments found missed (due + grace passed with less paid than due by then).</summary>
    public List<int> Missed { get; set; } = [];

    /// <summary>Installments found paid in full.</summary>
    public List<int> PaidInstallments { get; set; } = [];

    public DateOnly? LastChecked { get; set; }

    /// <summary>The confirm-security task while the plan is <see cref="PlanStatus.AwaitingSecurity"/>.</summary>
    public string? SecurityTaskId { get; set; }

    /// <summary><c>received</c> or <c>waived</c>, with who decided, when and the person's note.</summary>
    public string? SecurityOutcome { get; set; }

    public string? SecurityNote { get; set; }

    public string? SecurityDecidedBy { get; set; }

    public DateTimeOffset? SecurityDecidedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndReason { get; set; }

    [JsonIgnore]
    public string? ETag { get; set; }

    public decimal TotalToPay => Installments.Sum(i => i.Amount);

    public bool IsActive => Status is PlanStatus.Draft or PlanStatus.Proposed or PlanStatus.AwaitingSecurity or PlanStatus.InForce;
}
