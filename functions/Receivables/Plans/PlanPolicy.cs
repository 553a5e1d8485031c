using System.ComponentModel.DataAnnotations;

namespace Receivables.Plans;

/// <summary>
/// The creditor's rules for repayment plans, bound from <c>Receivables:Plans</c>. Defaults are the ones a careful
/// Norwegian creditor would start with: first payment within two weeks, at most a year, no interest charged.
/// </summary>
public sealed class PlanPolicy
{
    public const string Section = "Receivables:Plans";

    /// <summary>Installment frequency unless the request proposes another.</summary>
    public PlanFrequency Frequency { get; set; } = PlanFrequency.Monthly;

    /// <summary>Days from the plan's start date to the first payment (down payment or first installment).</summary>
    [Range(0, 60, ErrorMessage = "Receivables:Plans:FirstPaymentDays must be between 0 and 60 days.")]
    public int FirstPaymentDays { get; set; } = 14;

    /// <summary>The last installment falls due at most this many months after the start date.</summary>
    [Range(1, 60, ErrorMessage = "Receivables:Plans:MaxDurationMonths must be between 1 and 60 months.")]
    public int MaxDurationMonths { get; set; } = 12;

    /// <summary>Smallest installment (whole currency units); a smaller proposal is raised to this.</summary>
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Receivables:Plans:MinInstallment must be between 0 and 1000000.")]
    public decimal MinInstallment { get; set; } = 500m;

    /// <summary>Charge interest on the declining balance, per period.</summary>
    public bool ChargeInterest { get; set; }

    /// <summary>Annual interest rate in percent (e.g. 12.5) used when <see cref="ChargeInterest"/> is on.</summary>
    [Range(typeof(decimal), "0", "100", ErrorMessage = "Receivables:Plans:AnnualInterestRate is a percent between 0 and 100.")]
    public decimal AnnualInterestRate { get; set; }

    /// <summary>Leave the reminder fees out of the plan; they are forgiven when the plan is kept.</summary>
    public bool WaiveFeesIfKept { get; set; }

    /// <summary>Leave the § 3a standard compensation (business debtors) out of the plan: waived, and the letter says so.</summary>
    public bool WaiveCompensation { get; set; }

    /// <summary>Offer a reduced lump-sum settlement of this percent of the claim (0 = no offer).</summary>
    [Range(typeof(decimal), "0", "100", ErrorMessage = "Receivables:Plans:SettlementPercent is a percent between 0 and 100.")]
    public decimal SettlementPercent { get; set; }

    /// <summary>Days from the start date by which the reduced settlement must be paid.</summary>
    [Range(1, 90, ErrorMessage = "Receivables:Plans:SettlementDays must be between 1 and 90 days.")]
    public int SettlementDays { get; set; } = 14;

    /// <summary>Claims above this total ask for security and a signed debt confirmation (gjeldsbekreftelse).</summary>
    [Range(typeof(decimal), "0", "100000000", ErrorMessage = "Receivables:Plans:SecurityThreshold must be between 0 and 100000000.")]
    public decimal SecurityThreshold { get; set; } = 50_000m;

    /// <summary>Move due dates that fall on a weekend or a Norwegian public holiday to the next business day.</summary>
    public bool DueOnWeekdays { get; set; } = true;

    /// <summary>Days after a due date before an installment counts as missed.</summary>
    [Range(0, 30, ErrorMessage = "Receivables:Plans:GraceDays must be between 0 and 30 days.")]
    public int GraceDays { get; set; } = 5;

    /// <summary>
    /// A debtor on credit hold gets deliveries again when this many installments of its plan are paid (0: as soon as
    /// the plan is accepted). Offered in the proposal to business debtors.
    /// </summary>
    [Range(0, 12, ErrorMessage = "Receivables:Plans:ResumeDeliveriesAfterInstallments must be between 0 and 12.")]
    public int ResumeDeliveriesAfterInstallments { get; set; }

    /// <summary>Plans whose claim is below this are sent without a person's approval (0 = a person approves every plan).</summary>
    [Range(typeof(decimal), "0", "100000000", ErrorMessage = "Receivables:Plans:AutoSendBelow must be between 0 and 100000000.")]
    public decimal AutoSendBelow { get; set; }

    /// <summary>Days the debtor has to accept a sent proposal; dunning waits until then, then resumes.</summary>
    [Range(1, 60, ErrorMessage = "Receivables:Plans:AnswerDays must be between 1 and 60 days.")]
    public int AnswerDays { get; set; } = 14;

    /// <summary>Missed installments tolerated (with a friendly notice) before the plan counts as broken.</summary>
    [Range(0, 12, ErrorMessage = "Receivables:Plans:MissTolerance must be between 0 and 12.")]
    public int MissTolerance { get; set; } = 1;
}
