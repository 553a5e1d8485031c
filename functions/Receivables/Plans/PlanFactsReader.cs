using Microsoft.Extensions.Options;
using Receivables.Common;

namespace Receivables.Plans;

/// <summary>What the plans feature knows about a debtor's plans, for the escalation gate and credit hold.</summary>
public sealed class PlanFactsReader(IPlanStore plans, IOptions<PlanPolicy> policy, BusinessClock clock) : IPlanFacts
{
    public async Task<PlanFacts> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        int proposed = 0, inForce = 0, completed = 0, broken = 0, missed = 0;
        var deliveries = false;
        DateOnly? lastBroken = null;
        await foreach (var plan in plans.ListAsync(creditorId, debtorId, cancellationToken))
        {
            missed += plan.Missed.Count;
            switch (plan.Status)
            {
                case PlanStatus.Draft or PlanStatus.Proposed or PlanStatus.AwaitingSecurity:
                    proposed++;
                    break;
                case PlanStatus.InForce:
                    inForce++;
                    deliveries |= plan.PaidInstallments.Count >= policy.Value.ResumeDeliveriesAfterInstallments;
                    break;
                case PlanStatus.Completed:
                    completed++;
                    break;
                case PlanStatus.Broken:
                    broken++;
                    var ended = plan.EndedAt is { } at ? clock.ToLocalDate(at) : (DateOnly?)null;
                    lastBroken = ended > lastBroken || lastBroken is null ? ended : lastBroken;
                    break;
            }
        }

        return new PlanFacts(proposed, inForce, completed, broken, missed, lastBroken) { DeliveriesMayResume = deliveries };
    }
}
