using Receivables.Common;

namespace Receivables.Plans;

public static class PlanStoreExtensions
{
    /// <summary>The plan, or a <see cref="ReceivablesException"/> that points the person to <c>plans list</c>.</summary>
    public static async Task<RepaymentPlan> RequireAsync(this IPlanStore plans, string creditorId, string planId, CancellationToken cancellationToken = default) =>
        await plans.GetAsync(creditorId, planId, cancellationToken)
        ?? throw new ReceivablesException($"No plan '{planId}' for creditor '{creditorId}'. See 'plans list'.");
}
