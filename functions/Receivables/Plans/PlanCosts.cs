namespace Receivables.Plans;

/// <summary>
/// What a plan's total is made of and what the creditor's policy waives, line by line, so the letter and the
/// agreement state exactly what is included: principal, fees (unless waived if the plan is kept), interest accrued to
/// the start date, § 3a compensation (unless waived), interest during the plan (only when the policy charges it).
/// <see cref="Total"/> is what the installments add up to.
/// </summary>
public sealed record PlanCosts(
    decimal Principal,
    decimal FeesIncluded,
    decimal InterestAccrued,
    decimal CompensationIncluded,
    decimal PlanInterest,
    decimal FeesWaivedIfKept,
    decimal CompensationWaived,
    bool InterestDuringPlanWaived,
    decimal Total)
{
    public static PlanCosts Of(RepaymentPlan plan) => new(
        plan.Principal,
        plan.Fees - plan.FeesWaivedIfKept,
        plan.Interest,
        plan.Compensation - plan.CompensationWaived,
        plan.PlanInterest,
        plan.FeesWaivedIfKept,
        plan.CompensationWaived,
        !plan.ChargesInterest,
        plan.TotalToPay);

    /// <summary>The included lines add up to the total (checked by tests; a plan whose lines do not is a bug).</summary>
    public decimal IncludedSum => Principal + FeesIncluded + InterestAccrued + CompensationIncluded + PlanInterest;
}
