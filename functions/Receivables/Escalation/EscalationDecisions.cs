using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Plans;
using Receivables.Storage;

namespace Receivables.Escalation;

/// <summary>
/// A person's decision on a <see cref="TaskKinds.DecideEscalation"/> task: <c>plan</c> asks the plans feature
/// (source <see cref="ArrangementSource.EscalationGate"/>), <c>collection</c> approves the hand-over to an agency (then
/// <c>handover export</c>), <c>extend</c> pauses the case until <c>--date</c>, <c>write-down</c> is recorded for the ERP.
/// Archived with the gate's recommendation. Idempotent on the task id.
/// </summary>
public sealed class EscalationDecisions(
    ICaseActions cases,
    IArrangementRequests arrangements,
    IEvidenceArchive archive,
    LegalNotices notices,
    BusinessClock clock,
    ILogger<EscalationDecisions> logger) : ITaskOutcomeHandler
{
    public string Kind => TaskKinds.DecideEscalation;

    public IReadOnlyList<string> Outcomes => EscalationOutcomes.All;

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var found = (task.DebtorId is null ? null : await cases.GetAsync(task.CreditorId, task.DebtorId, cancellationToken))
            ?? throw new ReceivablesException($"Task {task.TaskId} has no dunning case (debtor '{task.DebtorId}').");
        var key = "escalation:" + task.TaskId;
        var note = $"Escalation decided ({task.TaskId}): {outcome.Outcome}" + (outcome.Note is { Length: > 0 } n ? " – " + n : "");
        string effect;
        switch (outcome.Outcome)
        {
            case EscalationOutcomes.Plan:
                effect = "arrangement requested (" + await arrangements.RequestAsync(new ArrangementRequest(found.CreditorId, found.DebtorId, found.CaseId, ArrangementSource.EscalationGate, note, key), cancellationToken) + ")";
                break;
            case EscalationOutcomes.Collection:
                {
                    var debtor = new Ledger.Debtor(found.CreditorId, found.DebtorId, found.DebtorName ?? found.DebtorId, found.DebtorEmail, found.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null);
                    var sent = await notices.SentAsync(found.CreditorId, found.DebtorId, found.CaseId, cancellationToken);
                    if (await notices.MissingAsync(debtor, sent, clock.Today, cancellationToken) is { } missing)
                    {
                        throw new ReceivablesException($"Collection refused for debtor '{found.DebtorId}': {missing}. The task stays open: send the notice first, or choose another outcome.");
                    }
                }

                effect = $"hand-over to a collection agency approved; export it with: handover export {found.DebtorId} --out <dir>";
                break;
            case EscalationOutcomes.Extend:
                {
                    var until = outcome.Date ?? throw new ReceivablesException("--outcome extend needs --date yyyy-MM-dd (the new deadline).");
                    if (until <= clock.Today)
                    {
                        throw new ReceivablesException($"--date {until:yyyy-MM-dd} must be after today for an extension.");
                    }

                    await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.Manual, until, null, outcome.Actor, note, key, cancellationToken);
                    effect = string.Create(CultureInfo.InvariantCulture, $"credit extended: case paused until {until:yyyy-MM-dd}");
                    break;
                }

            default:
                effect = "write-down approved: book it in the ERP; the next ledger shows the reduced claim";
                break;
        }

        await archive.AppendAsync(new EvidenceItem(
            found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.Decision, $"Escalation decided: {outcome.Outcome}", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(new { task = task.TaskId, decision = outcome.Outcome, recommendation = task.Details, note = outcome.Note, date = outcome.Date, effect, actor = outcome.Actor }, Json.Indented),
            outcome.Actor, "escalation-decision:" + task.TaskId, clock.Now,
            new Dictionary<string, string> { [EvidenceMetadata.Summary] = $"Escalation: {outcome.Outcome}; {effect}", ["escalation"] = outcome.Outcome }), cancellationToken);
        logger.LogInformation("Escalation task {TaskId} for {CreditorId}/{DebtorId}: {Outcome} -> {Effect}", task.TaskId, found.CreditorId, found.DebtorId, outcome.Outcome, effect);
        return effect;
    }
}
