using System.Globalization;
using Receivables.Plans;

namespace Receivables.Local.Demo;

/// <summary>The repayment plans in the demo summary: each plan's schedule and what the ledgers showed of it.</summary>
internal sealed partial class DemoSummary
{
    private async Task PrintPlansAsync(CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine("Repayment plans:");
        var any = false;
        await foreach (var plan in host.Get<PlanService>().ListAsync(DemoScenario.Creditor, cancellationToken))
        {
            any = true;
            output.WriteLine($"- {plan.PlanId} {plan.DebtorName} ({plan.DebtorId}): {plan.Status}; drafted from a {plan.Source.ToString().ToLowerInvariant()}, approved by {plan.DecidedBy ?? "-"}, accepted by {plan.AcceptedVia ?? "-"}; letter wording: {plan.LetterWording ?? "-"}");
            output.WriteLine("  " + PlanText.Describe(plan));
            foreach (var installment in plan.Installments.Take(6))
            {
                var state = plan.PaidInstallments.Contains(installment.Number) ? "paid" : plan.Missed.Contains(installment.Number) ? "MISSED (friendly notice sent)" : "due";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {installment.Number,2}. {installment.DueDate:yyyy-MM-dd} {installment.Amount,10:N2} NOK  {state}"));
            }

            if (plan.Installments.Count > 6)
            {
                output.WriteLine($"    ... {plan.Installments.Count - 6} more, the last on {plan.Installments[^1].DueDate:yyyy-MM-dd}");
            }
        }

        if (!any)
        {
            output.WriteLine("- none");
        }
    }
}
