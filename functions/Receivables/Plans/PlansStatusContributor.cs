using Receivables.Status;

namespace Receivables.Plans;

public sealed class PlansStatusContributor(IPlanStore plans) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var all = new List<RepaymentPlan>();
        await foreach (var plan in plans.ListAsync(creditor.CreditorId, null, cancellationToken))
        {
            all.Add(plan);
        }

        creditor.Add(new PlansStatusSection(
            all.GroupBy(p => p.Status.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            [.. all.Where(p => p.IsActive).OrderBy(p => p.DebtorId, StringComparer.Ordinal).Select(p => new PlanLine(
                p.PlanId, p.DebtorId, p.Status.ToString(), p.Claim, p.Currency, p.Paid, p.Missed.Count,
                p.Installments.FirstOrDefault(i => !p.PaidInstallments.Contains(i.Number))?.DueDate))]));
    }
}
