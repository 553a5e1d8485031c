using System.Text.Json;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Storage;

namespace Receivables.Escalation;

/// <summary>
/// The hand-over to a person when the ladder has no further automatic step: told by the dunning cycle (as an
/// <see cref="IDunningStepObserver"/>, so Dunning does not know Escalation), it asks the escalation gate for a
/// recommendation, archives the decision and opens a <c>decide-escalation</c> task. Idempotent per case and date (the
/// evidence and the task are keyed <c>dunning-handover|creditor|debtor|date</c>).
/// </summary>
public sealed class EscalationHandOver(
    IEscalationAdvisor advisor,
    IEvidenceArchive archive,
    ITaskStore tasks,
    TaskFactsSource facts,
    IOptions<DunningOptions> dunning,
    TimeProvider time) : IDunningStepObserver
{
    public async Task OnStepAsync(DunningStep step, CancellationToken cancellationToken)
    {
        if (step.HandedOver.Count == 0)
        {
            return;
        }

        var mode = dunning.Value.CollectionNotice;
        var key = $"dunning-handover|{step.CreditorId}|{step.DebtorId}|{step.Date:yyyy-MM-dd}";
        var advice = await advisor.AdviseAsync(step.Lines, step.CaseId, step.Date, cancellationToken);
        await archive.AppendAsync(
            new EvidenceItem(
                step.CreditorId,
                step.DebtorId,
                step.CaseId,
                EvidenceKinds.Decision,
                $"Ladder handed the case to a person; the gate recommends {advice.Outcome}",
                "application/json",
                JsonSerializer.SerializeToUtf8Bytes(new { decision = "hand-over", date = step.Date, invoices = step.HandedOver, collectionNotice = mode.ToString(), reason = step.Reason, recommendation = advice.Outcome, reasons = advice.Reasons, facts = advice.Facts }, Json.Indented),
                Actors.Rule,
                key,
                time.GetUtcNow(),
                new Dictionary<string, string> { ["recommendation"] = advice.Outcome, [EvidenceMetadata.Summary] = advice.Summary, ["grounds"] = string.Join("\n", advice.Grounds) }),
            cancellationToken);
        await tasks.OpenAsync(
            step.CreditorId,
            TaskKinds.DecideEscalation,
            step.DebtorId,
            step.CaseId,
            $"Decide next step for {step.Lines.Debtor.Name} (recommended: {advice.Outcome})",
            $"The reminder ladder has no further automatic step for invoice(s) {string.Join(", ", step.HandedOver)} (collection notice mode: {mode}). Call the customer, agree a plan, or hand over to collection."
                + $" {advice.Summary} Record the decision: tasks done <id> --outcome {string.Join("|", EscalationOutcomes.All)}.",
            key,
            cancellationToken,
            facts.FromLines(step.Lines, new TaskFacts
            {
                Reason = TaskReasons.LadderEnded,
                Reference = advice.Outcome,
                Grounds = ["handed-over:" + string.Join(",", step.HandedOver), .. advice.Grounds],
            }));
        step.Notes?.Add($"{step.CreditorId}/{step.DebtorId}: handed to a person ({string.Join(", ", step.HandedOver)}); gate recommends {advice.Outcome}: {string.Join("; ", advice.Reasons)}.");
    }
}
