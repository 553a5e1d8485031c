using Receivables.Common;
using Receivables.Email;

namespace Receivables.Plans;

/// <summary>
/// The plans feature's entry for other features and the CLI: requests and acceptances by reply
/// (<see cref="IArrangementRequests"/>) and a person's decisions. Each step lives in its own class: drafting
/// (<see cref="PlanDrafting"/>), approval (<see cref="PlanApproval"/>), acceptance and security
/// (<see cref="PlanAcceptance"/>), letters (<see cref="PlanLetters"/>, wording in Liquid templates), evidence
/// (<see cref="PlanEvidence"/>); monitoring is <see cref="PlanMonitor"/>.
/// </summary>
public sealed class PlanService(IPlanStore plans, PlanDrafting drafting, PlanApproval approval, PlanAcceptance acceptance, PlanAdjusting adjusting, PlanLetters letters) : IArrangementRequests
{
    public Task<string> RequestAsync(ArrangementRequest request, CancellationToken cancellationToken = default) =>
        drafting.RequestAsync(request, cancellationToken);

    public Task<string?> AcceptByReplyAsync(string creditorId, string debtorId, string replyReference, CancellationToken cancellationToken = default) =>
        acceptance.AcceptByReplyAsync(creditorId, debtorId, replyReference, cancellationToken);

    public Task<RepaymentPlan> ApproveAsync(string creditorId, string planId, string actor, CancellationToken cancellationToken = default) =>
        approval.ApproveAsync(creditorId, planId, actor, cancellationToken);

    /// <summary>Adjusts a draft within the plan policy (<see cref="PlanAdjusting"/>); the preview then shows the adjusted plan.</summary>
    public Task<RepaymentPlan> AdjustAsync(string creditorId, string planId, PlanAdjustment adjustment, string actor, string idempotencyKey, CancellationToken cancellationToken = default) =>
        adjusting.AdjustAsync(creditorId, planId, adjustment, actor, idempotencyKey, cancellationToken);

    public Task<RepaymentPlan> RejectAsync(string creditorId, string planId, string actor, string reason, CancellationToken cancellationToken = default) =>
        approval.RejectAsync(creditorId, planId, actor, reason, cancellationToken);

    public Task<RepaymentPlan> AcceptByDocumentAsync(string creditorId, string planId, string fileName, byte[] document, string actor, CancellationToken cancellationToken = default) =>
        acceptance.AcceptByDocumentAsync(creditorId, planId, fileName, document, actor, cancellationToken);

    public Task<RepaymentPlan> DecideSecurityAsync(string creditorId, string planId, string outcome, string? note, string actor, CancellationToken cancellationToken = default) =>
        acceptance.DecideSecurityAsync(creditorId, planId, outcome, note, actor, cancellationToken);

    public Task<RepaymentPlan?> FindAsync(string creditorId, string planId, CancellationToken cancellationToken = default) =>
        plans.GetAsync(creditorId, planId, cancellationToken);

    /// <summary>
    /// The proposal letter and the agreement's terms of a plan as approval would send them (template wording; a model
    /// rewording, when configured, is checked and applied only on sending). Nothing is stored or sent.
    /// </summary>
    public async Task<(RenderedMessage Letter, string Agreement, RepaymentPlan Plan)?> PreviewAsync(string creditorId, string planId, CancellationToken cancellationToken = default)
    {
        var plan = await plans.GetAsync(creditorId, planId, cancellationToken)
            ?? throw new ReceivablesException($"No plan '{planId}' for creditor '{creditorId}'.");
        return await letters.PreviewProposalAsync(plan, cancellationToken) is { } preview ? (preview.Letter, preview.Terms, plan) : null;
    }

    public IAsyncEnumerable<RepaymentPlan> ListAsync(string? creditorId, CancellationToken cancellationToken = default) =>
        plans.ListAsync(creditorId, null, cancellationToken);
}
