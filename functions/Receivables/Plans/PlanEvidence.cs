using System.Text.Json;
using Receivables.Common;
using Receivables.Evidence;
using Receivables.Storage;

namespace Receivables.Plans;

/// <summary>Archives a plan step: the plan as it stands plus what happened, keyed by plan and step.</summary>
internal static class PlanEvidence
{
    public static Task AppendAsync(IEvidenceArchive archive, BusinessClock clock, RepaymentPlan plan, string kind, string title, string actor, string step, object details, CancellationToken cancellationToken) =>
        archive.AppendAsync(
            new EvidenceItem(
                plan.CreditorId,
                plan.DebtorId,
                plan.CaseId ?? throw new InvalidOperationException($"Plan {plan.PlanId} has no case."),
                kind,
                title,
                "application/json",
                JsonSerializer.SerializeToUtf8Bytes(new { plan = plan.PlanId, step, status = plan.Status.ToString(), details }, Json.Indented),
                actor,
                $"plan:{plan.PlanId}:{step}",
                clock.Now,
                new Dictionary<string, string> { ["plan"] = plan.PlanId, [EvidenceMetadata.Summary] = title }),
            cancellationToken);
}
