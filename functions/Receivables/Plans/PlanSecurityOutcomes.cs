using Receivables.Actions;
using Receivables.Common;

namespace Receivables.Plans;

/// <summary><c>tasks done &lt;id&gt; --outcome received|waived --note ...</c> on a confirm-security task puts its plan in force.</summary>
public sealed class PlanSecurityOutcomes(PlanAcceptance acceptance, IPlanStore plans) : ITaskOutcomeHandler
{
    public string Kind => TaskKinds.ConfirmSecurity;

    public IReadOnlyList<string> Outcomes { get; } = [PlanAcceptance.SecurityReceived, PlanAcceptance.SecurityWaived];

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        RepaymentPlan? found = null;
        await foreach (var plan in plans.ListAsync(task.CreditorId, task.DebtorId, cancellationToken))
        {
            if (plan.SecurityTaskId == task.TaskId)
            {
                found = plan;
            }
        }

        if (found is null)
        {
            throw new ReceivablesException($"Task {task.TaskId} belongs to no plan awaiting security.");
        }

        var decided = await acceptance.DecideSecurityAsync(task.CreditorId, found.PlanId, outcome.Outcome, outcome.Note, outcome.Actor, cancellationToken);
        return $"security {outcome.Outcome}; plan {decided.PlanId} is in force";
    }
}
