using Receivables.Dunning;

namespace Receivables.Plans;

/// <summary>Fills a plan's figures (claim, parts, schedule, waivers, KID) from a claim statement under the policy.</summary>
public static class PlanFigures
{
    public static void Compute(RepaymentPlan plan, ClaimStatement statement, DateOnly today, PlanPolicy policy)
    {
        var compensationWaived = policy.WaiveCompensation ? statement.Compensation : 0m;
        var schedule = PlanSchedule.Build(InputOf(plan, statement, today, policy), policy);
        plan.StartDate = today;
        plan.Currency = statement.Currency;
        plan.CoveredInvoices = [.. statement.Invoices.Select(i => i.InvoiceNumber)];
        plan.Principal = statement.Principal;
        plan.Fees = statement.Fees;
        plan.Interest = statement.Interest;
        plan.Compensation = statement.Compensation;
        plan.CompensationWaived = compensationWaived;
        plan.Claim = statement.Principal + statement.Fees + statement.Interest + statement.Compensation;
        plan.FeesWaivedIfKept = schedule.FeesWaivedIfKept;
        plan.ChargesInterest = policy.ChargeInterest && policy.AnnualInterestRate > 0m;
        plan.PlanInterest = schedule.TotalInterest;
        plan.Frequency = schedule.Frequency;
        plan.Installments = [.. schedule.Installments.Select(i => new AgreedInstallment(i.Number, i.DueDate, i.Amount, i.IsDownPayment))];
        plan.SettlementAmount = schedule.Settlement?.Amount;
        plan.SettlementPayBy = schedule.Settlement?.PayBy;
        plan.RequiresSecurity = schedule.RequiresSecurity;
        plan.Kid = PlanReference.KidFor(plan.PlanId);
    }

    /// <summary>What the schedule is drawn up from: the statement's claim (compensation left out when waived) and the plan's proposals.</summary>
    public static PlanInput InputOf(RepaymentPlan plan, ClaimStatement statement, DateOnly today, PlanPolicy policy)
    {
        var compensationWaived = policy.WaiveCompensation ? statement.Compensation : 0m;
        return new PlanInput(statement.Principal, statement.Fees, statement.Interest + statement.Compensation - compensationWaived, statement.Currency, today, 0m, plan.ProposedInstallment, plan.ProposedFrequency, plan.ProposedFirstDueDate);
    }

    /// <summary>The amount the installments repay: principal, interest and compensation, and the fees unless the policy waives them if kept.</summary>
    public static decimal ScheduledAmount(PlanInput input, PlanPolicy policy) =>
        input.Principal + input.Interest + (policy.WaiveFeesIfKept ? 0m : input.Fees) - input.DownPayment;
}
