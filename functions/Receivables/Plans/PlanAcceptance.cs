using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Plans;

/// <summary>
/// The debtor accepts a proposal (by reply, or a person records the signed agreement). Without security asked for,
/// the plan is in force at once. Where the policy asks for security, the plan waits in
/// <see cref="PlanStatus.AwaitingSecurity"/> with a confirm-security task (dunning stays paused) until a person
/// confirms the security received, or waives it with a recorded reason; only then is it in force.
/// </summary>
public sealed class PlanAcceptance(
    IPlanStore plans,
    ICaseActions cases,
    ITaskStore tasks,
    IEvidenceArchive archive,
    ILedgerReader ledger,
    PlanLetters letters,
    BusinessClock clock,
    ILogger<PlanAcceptance> logger)
{
    public const string SecurityReceived = "received";
    public const string SecurityWaived = "waived";

    public async Task<string?> AcceptByReplyAsync(string creditorId, string debtorId, string replyReference, CancellationToken cancellationToken = default)
    {
        RepaymentPlan? proposed = null;
        await foreach (var plan in plans.ListAsync(creditorId, debtorId, cancellationToken))
        {
            if (plan.Status == PlanStatus.Proposed || (plan.Status is PlanStatus.InForce or PlanStatus.AwaitingSecurity && plan.AcceptedVia == replyReference))
            {
                proposed = plan;
            }
        }

        if (proposed is null)
        {
            return null;
        }

        await AcceptAsync(proposed, replyReference, Actors.Rule, null, cancellationToken);
        return proposed.PlanId;
    }

    /// <summary>A person records the debtor's signed agreement (archived) and the plan comes into force (or waits for security).</summary>
    public async Task<RepaymentPlan> AcceptByDocumentAsync(string creditorId, string planId, string fileName, byte[] document, string actor, CancellationToken cancellationToken = default)
    {
        var plan = await plans.RequireAsync(creditorId, planId, cancellationToken);
        if (plan.Status is not (PlanStatus.Proposed or PlanStatus.AwaitingSecurity or PlanStatus.InForce))
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; a signed agreement can only be recorded for a proposed plan.");
        }

        await AcceptAsync(plan, "signed document " + fileName, actor, (fileName, document), cancellationToken);
        return plan;
    }

    /// <summary>
    /// A person confirms the security received (<c>received</c>, the note says what: "kausjon fra …", "pant i …") or
    /// waives it (<c>waived</c>, the note says why). Either is recorded in the evidence; then the plan is in force.
    /// </summary>
    public async Task<RepaymentPlan> DecideSecurityAsync(string creditorId, string planId, string outcome, string? note, string actor, CancellationToken cancellationToken = default)
    {
        if (outcome is not (SecurityReceived or SecurityWaived))
        {
            throw new ReceivablesException($"Security outcome '{outcome}' is not one of: {SecurityReceived}, {SecurityWaived}.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ReceivablesException(outcome == SecurityReceived
                ? "Say what security was received (--note \"kausjon fra ...\" or \"pant i ...\")."
                : "A waiver needs a reason (--note \"...\").");
        }

        var plan = await plans.RequireAsync(creditorId, planId, cancellationToken);
        if (plan.Status == PlanStatus.InForce && plan.SecurityOutcome is not null)
        {
            return plan;
        }

        if (plan.Status != PlanStatus.AwaitingSecurity)
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; security is confirmed for an accepted plan that awaits it.");
        }

        plan.SecurityOutcome = outcome;
        plan.SecurityNote = note;
        plan.SecurityDecidedBy = actor;
        plan.SecurityDecidedAt = clock.Now;
        plan.Status = PlanStatus.InForce;
        await plans.SaveAsync(plan, cancellationToken);
        await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Decision, outcome == SecurityReceived ? $"Security for plan {plan.PlanId} received ({note}), confirmed by {actor}" : $"Security for plan {plan.PlanId} waived by {actor}: {note}", actor, "security:" + outcome, new { outcome, note }, cancellationToken);
        if (plan.SecurityTaskId is { } taskId && await tasks.GetAsync(plan.CreditorId, taskId, cancellationToken) is { IsOpen: true })
        {
            await tasks.CompleteAsync(plan.CreditorId, taskId, outcome, note, cancellationToken);
        }

        await InForceAsync(plan, "security " + outcome, actor, cancellationToken);
        return plan;
    }

    private async Task AcceptAsync(RepaymentPlan plan, string via, string actor, (string Name, byte[] Content)? document, CancellationToken cancellationToken)
    {
        if (document is { } signed)
        {
            await archive.AppendAsync(new EvidenceItem(
                plan.CreditorId, plan.DebtorId, plan.CaseId!, EvidenceKinds.Agreement, "Signed repayment agreement " + signed.Name,
                signed.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream", signed.Content, actor,
                $"plan:{plan.PlanId}:document:{Convert.ToHexString(SHA256.HashData(signed.Content))[..16]}", clock.Now,
                new Dictionary<string, string> { ["plan"] = plan.PlanId, ["file"] = signed.Name }), cancellationToken);
        }

        if (plan.Status == PlanStatus.Proposed)
        {
            var lines = await ledger.GetDebtorAsync(plan.CreditorId, plan.DebtorId, cancellationToken);
            plan.OpenAtAcceptance = PlanMonitor.OpenCovered(plan, lines);
            plan.Status = plan.RequiresSecurity ? PlanStatus.AwaitingSecurity : PlanStatus.InForce;
            plan.AcceptedAt = clock.Now;
            plan.AcceptedVia = via;
            await plans.SaveAsync(plan, cancellationToken);
            await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Agreement, "Repayment plan accepted (" + via + ")" + (plan.RequiresSecurity ? "; waiting for security" : ""), actor, "accepted", new { via, schedule = plan.Installments, plan.OpenAtAcceptance, plan.RequiresSecurity }, cancellationToken);
        }

        if (plan.Status == PlanStatus.AwaitingSecurity)
        {
            await AwaitSecurityAsync(plan, via, actor, cancellationToken);
            return;
        }

        if (plan.Status == PlanStatus.InForce)
        {
            await InForceAsync(plan, via, actor, cancellationToken);
        }
    }

    private async Task AwaitSecurityAsync(RepaymentPlan plan, string via, string actor, CancellationToken cancellationToken)
    {
        // No end date: the plan is not in force until a person has the security (or waives it), and no reminder goes meanwhile.
        await cases.PauseAsync(plan.CreditorId, plan.DebtorId, PauseReason.PlanProposed, null, null, actor, $"Repayment plan {plan.PlanId} accepted ({via}); waiting for security", "plan:" + plan.PlanId + ":awaiting-security", cancellationToken);
        var task = await tasks.OpenAsync(
            plan.CreditorId,
            TaskKinds.ConfirmSecurity,
            plan.DebtorId,
            plan.CaseId,
            $"Confirm security for plan {plan.PlanId} of {plan.DebtorName}",
            PlanText.Describe(plan) + $" The debtor accepted ({via}); the plan is in force once the security (kausjon or pant) and the signed agreement are received. " +
            $"Received: plans security {plan.PlanId} --received --note \"kausjon fra ...\" (or tasks done <id> --outcome received --note ...); waive: plans security {plan.PlanId} --waive --note \"reason\".",
            "plan:" + plan.PlanId + ":security",
            cancellationToken,
            new TaskFacts { Reason = TaskReasons.SecurityAwaited, Reference = plan.PlanId });
        if (plan.SecurityTaskId != task.TaskId)
        {
            plan.SecurityTaskId = task.TaskId;
            await plans.SaveAsync(plan, cancellationToken);
        }

        if (await cases.GetAsync(plan.CreditorId, plan.DebtorId, cancellationToken) is { } view)
        {
            await letters.SendAcceptedAsync(plan, view, actor, "accepted", cancellationToken);
        }

        logger.LogInformation("Plan {PlanId} accepted; waiting for security (task {TaskId})", plan.PlanId, task.TaskId);
    }

    private async Task InForceAsync(RepaymentPlan plan, string via, string actor, CancellationToken cancellationToken)
    {
        await cases.PauseAsync(plan.CreditorId, plan.DebtorId, PauseReason.PlanInForce, null, null, actor, $"Repayment plan {plan.PlanId} in force ({via})", "plan:" + plan.PlanId + ":in-force", cancellationToken);
        await foreach (var call in tasks.ListAsync(plan.CreditorId, openOnly: true, cancellationToken, plan.DebtorId))
        {
            if (call.Kind == TaskKinds.CallDebtor)
            {
                // The call's purpose (why unpaid, offer an arrangement) is served: the debtor agreed a plan.
                await tasks.CompleteAsync(plan.CreditorId, call.TaskId, "plan", $"Not needed: repayment plan {plan.PlanId} is in force", cancellationToken);
            }
        }

        if (await cases.GetAsync(plan.CreditorId, plan.DebtorId, cancellationToken) is { } view)
        {
            // A plan that waited for security was confirmed in writing when accepted; this letter says it now applies.
            await letters.SendAcceptedAsync(plan, view, actor, plan.SecurityOutcome is null ? "accepted" : "in-force", cancellationToken);
        }
    }
}
