using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Plans;

/// <summary>
/// Drafts a plan by rules (<see cref="PlanFigures"/>) for a liquidity reply, a person or the escalation gate, once per
/// request; a second request while a plan is active joins it. The draft waits for a person (an approve-plan task),
/// or is approved by rule under the policy's <c>AutoSendBelow</c>.
/// </summary>
public sealed class PlanDrafting(
    IPlanStore plans,
    IClaimStatements claims,
    ICaseActions cases,
    ITaskStore tasks,
    IEvidenceArchive archive,
    ILedgerReader ledger,
    PlanApproval approval,
    IOptions<PlanPolicy> policy,
    BusinessClock clock,
    ILogger<PlanDrafting> logger)
{
    public async Task<string> RequestAsync(ArrangementRequest request, CancellationToken cancellationToken = default)
    {
        var planId = PlanIdFor(request.IdempotencyKey);
        if (await plans.GetAsync(request.CreditorId, planId, cancellationToken) is { } existing)
        {
            return existing.PlanId;
        }

        await foreach (var other in plans.ListAsync(request.CreditorId, request.DebtorId, cancellationToken))
        {
            if (other.IsActive)
            {
                logger.LogInformation("Arrangement request for {CreditorId}/{DebtorId} joins plan {PlanId} ({Status})", request.CreditorId, request.DebtorId, other.PlanId, other.Status);
                return other.PlanId;
            }
        }

        var today = clock.Today;
        var view = await cases.GetAsync(request.CreditorId, request.DebtorId, cancellationToken)
            ?? throw new ReceivablesException($"Debtor '{request.DebtorId}' of '{request.CreditorId}' has no dunning case; a plan covers a case's overdue claim.");
        var statement = await claims.GetAsync(request.CreditorId, request.DebtorId, today, cancellationToken);
        if (statement is null || statement.Principal <= 0m)
        {
            throw new ReceivablesException($"Debtor '{request.DebtorId}' of '{request.CreditorId}' has nothing open in the latest ledger: there is nothing to plan.");
        }

        var debtor = (await ledger.GetDebtorAsync(request.CreditorId, request.DebtorId, cancellationToken))?.Debtor;
        var frequency = Enum.TryParse<PlanFrequency>(request.ProposedFrequency, ignoreCase: true, out var f) ? f : (PlanFrequency?)null;
        var plan = new RepaymentPlan
        {
            CreditorId = request.CreditorId,
            PlanId = planId,
            DebtorId = request.DebtorId,
            DebtorName = debtor?.Name ?? request.DebtorId,
            DebtorIsBusiness = debtor is not null && debtor.Type != CustomerType.Consumer,
            CaseId = view.CaseId,
            Source = request.Source,
            Note = request.Note,
            Status = PlanStatus.Draft,
            CreatedAt = clock.Now,
            ProposedInstallment = request.ProposedInstallment,
            ProposedFrequency = frequency,
        };
        PlanFigures.Compute(plan, statement, today, policy.Value);
        plan = await plans.AddAsync(plan, cancellationToken);
        await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Decision, "Repayment plan drafted", SourceActor(request.Source), "drafted", new { plan.Source, plan.Note, schedule = plan.Installments, plan.Claim, costs = PlanCosts.Of(plan), plan.Kid }, cancellationToken);

        var settings = policy.Value;
        if (settings.AutoSendBelow > 0m && plan.Claim < settings.AutoSendBelow)
        {
            await approval.ApproveAsync(plan.CreditorId, plan.PlanId, Actors.Rule, cancellationToken);
            return plan.PlanId;
        }

        var task = await tasks.OpenAsync(
            plan.CreditorId,
            TaskKinds.ApprovePlan,
            plan.DebtorId,
            plan.CaseId,
            $"Approve repayment plan {plan.PlanId} for {plan.DebtorName}",
            PlanText.Describe(plan) + $" Approve: plans approve {plan.PlanId} (or tasks done <id> --outcome approve); reject: plans reject {plan.PlanId} --reason \"...\".",
            "plan:" + plan.PlanId + ":approve",
            cancellationToken,
            new TaskFacts { Reason = TaskReasons.PlanDrafted, Reference = plan.PlanId });
        plan.ApprovalTaskId = task.TaskId;
        await plans.SaveAsync(plan, cancellationToken);
        logger.LogInformation("Drafted plan {PlanId} for {CreditorId}/{DebtorId}: {Count} installments, claim {Claim}", plan.PlanId, plan.CreditorId, plan.DebtorId, plan.Installments.Count, plan.Claim);
        return plan.PlanId;
    }

    internal static string PlanIdFor(string idempotencyKey) =>
        "P" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..10].ToLowerInvariant();

    private static string SourceActor(ArrangementSource source) => source switch
    {
        ArrangementSource.Person => Actors.Person("cli"),
        _ => Actors.Rule,
    };
}
