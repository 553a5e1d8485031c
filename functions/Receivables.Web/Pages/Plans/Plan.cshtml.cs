using Microsoft.AspNetCore.Mvc;
using Receivables.Email;
using Receivables.Plans;
using Receivables.Web.Actions;

namespace Receivables.Web.Pages.Plans;

/// <summary>One plan: its schedule, and for a draft the letter and agreement exactly as approval will send them.</summary>
public sealed class PlanModel(WorkspaceQueries queries, WorkspaceActions actions, PlanService plans, Text.Texts texts) : WorkspacePage
{
    public RepaymentPlan Plan { get; private set; } = null!;

    public RenderedMessage? Letter { get; private set; }

    public string? Agreement { get; private set; }

    public async Task<IActionResult> OnGetAsync(string creditor, string plan, CancellationToken cancellationToken)
    {
        var found = await queries.PlanAsync(creditor, plan, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Plan = found;
        if (found.Status == PlanStatus.Draft && await plans.PreviewAsync(creditor, plan, cancellationToken) is { } preview)
        {
            (Letter, Agreement, Plan) = preview;
        }

        return Page();
    }

    /// <summary>The preview letter's HTML, served sandboxed for the frame.</summary>
    public async Task<IActionResult> OnGetLetterAsync(string creditor, string plan, CancellationToken cancellationToken)
    {
        if (await plans.PreviewAsync(creditor, plan, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        return Content(preview.Letter.Html, "text/html; charset=utf-8");
    }

    public Task<IActionResult> OnPostApproveAsync(string creditor, string plan, CancellationToken cancellationToken) =>
        ActAsync(async () => texts.Format("flash.plan", (await actions.ApprovePlanAsync(creditor, plan, Person, cancellationToken)).PlanId, texts.PlanStatus(PlanStatus.Proposed)), $"/Plans/{creditor}/{plan}");

    /// <summary>Adjusts the draft within the policy; the page then previews the adjusted letter and agreement.</summary>
    public Task<IActionResult> OnPostAdjustAsync(string creditor, string plan, decimal? installment, int? count, PlanFrequency? frequency, DateOnly? first, string key, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                var adjusted = await actions.AdjustPlanAsync(creditor, plan, new PlanAdjustment(installment, count, frequency, first), Person, key, cancellationToken);
                return texts.Format("plan.adjusted", adjusted.Installments.Count, Text.Texts.Date(adjusted.Installments.FirstOrDefault()?.DueDate));
            },
            $"/Plans/{creditor}/{plan}");

    public Task<IActionResult> OnPostRejectAsync(string creditor, string plan, string reason, CancellationToken cancellationToken) =>
        ActAsync(async () => texts.Format("flash.plan", (await actions.RejectPlanAsync(creditor, plan, reason, Person, cancellationToken)).PlanId, texts.PlanStatus(PlanStatus.Rejected)), $"/Plans/{creditor}/{plan}");
}
