using Receivables.Actions;
using Receivables.Common;

namespace Receivables.Plans;

/// <summary><c>tasks done &lt;id&gt; --outcome approve|reject</c> on an approve-plan task approves or rejects its plan.</summary>
public sealed class PlanApprovalOutcomes(PlanApproval plans) : ITaskOutcomeHandler
{
    public string Kind => TaskKinds.ApprovePlan;

    public IReadOnlyList<string> Outcomes { get; } = ["approve", "reject"];

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var planId = task.Title.Split(' ').FirstOrDefault(w => w.Length == 11 && w[0] == 'P')
            ?? throw new ReceivablesException($"Task {task.TaskId} names no plan.");
        var actor = outcome.Actor;
        if (outcome.Outcome == "approve")
        {
            var plan = await plans.ApproveAsync(task.CreditorId, planId, actor, cancellationToken);
            return $"plan {plan.PlanId} approved and sent; answer by {plan.AnswerBy:yyyy-MM-dd}";
        }

        var rejected = await plans.RejectAsync(task.CreditorId, planId, actor, outcome.Note ?? "", cancellationToken);
        return $"plan {rejected.PlanId} rejected";
    }
}
