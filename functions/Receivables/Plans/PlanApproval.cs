using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;

namespace Receivables.Plans;

/// <summary>
/// A person (or the rule under the threshold) approves or rejects a draft. Approval recomputes the schedule from the
/// sending day, sends the proposal once (<see cref="PlanLetters"/>) and pauses dunning until the answer date.
/// </summary>
public sealed class PlanApproval(
    IPlanStore plans,
    IClaimStatements claims,
    ICaseActions cases,
    ITaskStore tasks,
    IEvidenceArchive archive,
    PlanLetters letters,
    IOptions<PlanPolicy> policy,
    BusinessClock clock)
{
    public async Task<RepaymentPlan> ApproveAsync(string creditorId, string planId, string actor, CancellationToken cancellationToken = default)
    {
        var plan = await plans.RequireAsync(creditorId, planId, cancellationToken);
        if (plan.Status is PlanStatus.Proposed or PlanStatus.AwaitingSecurity or PlanStatus.InForce or PlanStatus.Completed)
        {
            return plan;
        }

        if (plan.Status != PlanStatus.Draft)
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; only a draft can be approved.");
        }

        var today = clock.Today;
        var view = await cases.GetAsync(creditorId, plan.DebtorId, cancellationToken)
            ?? throw new ReceivablesException($"The case of plan {planId} is gone.");
        if (plan.StartDate != today && await claims.GetAsync(creditorId, plan.DebtorId, today, cancellationToken) is { } statement)
        {
            // Dates run from the day the letter goes out; the claim is what is owed that day.
            PlanFigures.Compute(plan, statement, today, policy.Value);
        }

        plan.AnswerBy = NorwegianCalendar.OnOrNextBusinessDay(today.AddDays(policy.Value.AnswerDays));
        var (sent, used) = await letters.SendProposalAsync(plan, view, actor, cancellationToken);
        plan.LetterWording = used;
        plan.Status = PlanStatus.Proposed;
        plan.DecidedBy = actor;
        plan.DecidedAt = clock.Now;
        plan.SentAt = clock.Now;
        plan.MessageId = sent.MessageId;
        await plans.SaveAsync(plan, cancellationToken);
        await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Decision, $"Repayment plan approved by {actor} and sent", actor, "approved", new { schedule = plan.Installments, plan.Claim, costs = PlanCosts.Of(plan), plan.Kid, plan.AnswerBy, wording = used }, cancellationToken);
        await cases.PauseAsync(creditorId, plan.DebtorId, PauseReason.PlanProposed, plan.AnswerBy, null, actor, $"Repayment plan {plan.PlanId} proposed; waiting for the answer until {plan.AnswerBy:yyyy-MM-dd}", "plan:" + plan.PlanId + ":proposed", cancellationToken);
        await CompleteTaskAsync(plan, "approve", null, cancellationToken);
        return plan;
    }

    public async Task<RepaymentPlan> RejectAsync(string creditorId, string planId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReceivablesException("A rejection needs a reason (--reason).");
        }

        var plan = await plans.RequireAsync(creditorId, planId, cancellationToken);
        if (plan.Status == PlanStatus.Rejected)
        {
            return plan;
        }

        if (plan.Status != PlanStatus.Draft)
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; only a draft can be rejected.");
        }

        plan.Status = PlanStatus.Rejected;
        plan.DecidedBy = actor;
        plan.DecidedAt = clock.Now;
        plan.RejectReason = reason;
        plan.EndedAt = clock.Now;
        await plans.SaveAsync(plan, cancellationToken);
        await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Decision, $"Repayment plan rejected by {actor}", actor, "rejected", new { reason }, cancellationToken);
        await CompleteTaskAsync(plan, "reject", reason, cancellationToken);
        return plan;
    }

    private async Task CompleteTaskAsync(RepaymentPlan plan, string outcome, string? note, CancellationToken cancellationToken)
    {
        if (plan.ApprovalTaskId is { } taskId && await tasks.GetAsync(plan.CreditorId, taskId, cancellationToken) is { IsOpen: true })
        {
            await tasks.CompleteAsync(plan.CreditorId, taskId, outcome, note, cancellationToken);
        }
    }
}
