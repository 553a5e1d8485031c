using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;
using Receivables.Plans;
using Receivables.Replies;
using Receivables.Storage;

namespace Receivables.Contact;

/// <summary>
/// What a call's outcome does, like a reply would: a promise pauses the case until the date plus grace, a dispute holds
/// it and opens a review, a wish for a plan asks the plans feature, no answer only records. Every outcome but no-answer is
/// confirmed to the debtor in writing, once. Idempotent on the task id.
/// </summary>
public sealed class CallOutcomeHandler(
    ICaseActions cases,
    ITaskStore tasks,
    IArrangementRequests arrangements,
    CaseMessenger mail,
    MootTasks moot,
    IEvidenceArchive archive,
    IOptions<RepliesOptions> replies,
    BusinessClock clock,
    ILogger<CallOutcomeHandler> logger) : ITaskOutcomeHandler
{
    public string Kind => TaskKinds.CallDebtor;

    public IReadOnlyList<string> Outcomes => CallOutcomes.All;

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var found = (task.DebtorId is null ? null : await cases.GetAsync(task.CreditorId, task.DebtorId, cancellationToken))
            ?? throw new ReceivablesException($"Task {task.TaskId} has no dunning case (debtor '{task.DebtorId}'); close it with another kind of outcome.");
        var key = "call:" + task.TaskId;
        var note = $"Call ({task.TaskId}): {outcome.Outcome}" + (outcome.Note is { Length: > 0 } n ? " – " + n : "");
        var today = clock.Today;
        string effect;
        Func<string, string>? confirmation = null;
        // The confirmation's sentence is written here; it addresses a business as "dere" and a consumer as "du", as the templates do.
        var (du, deg) = found.IsBusiness ? ("dere", "dere") : ("du", "deg");
        switch (outcome.Outcome)
        {
            case CallOutcomes.Promise:
                {
                    var promised = outcome.Date ?? today.AddDays(replies.Value.PromiseWithoutDateDays);
                    if (promised < today)
                    {
                        throw new ReceivablesException($"--date {promised:yyyy-MM-dd} is in the past; a promise to pay needs today or a later date.");
                    }

                    var until = promised.AddDays(replies.Value.PromiseGraceDays);
                    await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.PromiseToPay, until, null, outcome.Actor, note, key, cancellationToken);
                    effect = string.Create(CultureInfo.InvariantCulture, $"paused until {until:yyyy-MM-dd} (promise {promised:yyyy-MM-dd} + {replies.Value.PromiseGraceDays} days)");
                    confirmation = language => language == "en"
                        ? $"you will pay {(outcome.Amount is { } a ? LetterMoney.Of(a, "NOK", language) : "what is overdue")} by {LetterFormat.Date(promised, language)}. We will not send reminders until then."
                        : $"{du} betaler {(outcome.Amount is { } b ? LetterMoney.Of(b, "NOK", language) : "det som er forfalt")} innen {LetterFormat.Date(promised, language)}. Vi sender ingen purringer før da.";
                    break;
                }

            case CallOutcomes.Dispute:
                await cases.PauseAsync(found.CreditorId, found.DebtorId, PauseReason.Dispute, null, null, outcome.Actor, note, key, cancellationToken);
                var review = await tasks.OpenAsync(found.CreditorId, TaskKinds.ReviewDispute, found.DebtorId, found.CaseId, "Dispute raised on a call",
                    $"On call {task.TaskId} the debtor disputed the claim: {outcome.Note ?? "(no note)"}. Dunning is on hold until a person resolves it: tasks done <id> --outcome upheld|rejected|partly.", key + ":" + TaskKinds.ReviewDispute, cancellationToken,
                    new TaskFacts { Invoices = task.Facts.Invoices, Quote = outcome.Note is { Length: > 0 } said ? "(noted on the call) " + said : null, Reason = TaskReasons.DisputeOnCall });
                await moot.CloseAsync(found.CreditorId, found.DebtorId, t => t.TaskId != task.TaskId && t.Kind is TaskKinds.CallDebtor or TaskKinds.DecideEscalation,
                    MootOutcomes.SupersededByDispute, $"the debtor disputed the claim on call {task.TaskId}; review task {review.TaskId} replaces it", cancellationToken);
                effect = "case held for dispute; review-dispute task opened";
                confirmation = language => language == "en"
                    ? "you dispute the claim. We have stopped the reminders while we look into it and will come back to you."
                    : $"{du} mener kravet ikke er riktig. Vi har stanset purringene mens vi ser på saken, og kommer tilbake til {deg}.";
                break;

            case CallOutcomes.Plan:
                {
                    var id = await arrangements.RequestAsync(new ArrangementRequest(found.CreditorId, found.DebtorId, found.CaseId, ArrangementSource.Person, note, key), cancellationToken);
                    effect = "arrangement requested (" + id + ")";
                    confirmation = language => language == "en"
                        ? "you would like to pay in instalments. We will send you a proposal for a repayment plan."
                        : $"{du} ønsker å betale i avdrag. Vi sender {deg} et forslag til nedbetalingsplan.";
                    break;
                }

            default:
                effect = "no answer recorded";
                break;
        }

        await archive.AppendAsync(new EvidenceItem(
            found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.Decision, $"Call outcome: {outcome.Outcome}", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(new { task = task.TaskId, outcome = outcome.Outcome, note = outcome.Note, date = outcome.Date, effect, actor = outcome.Actor }, Json.Indented),
            outcome.Actor, "call-outcome:" + task.TaskId, clock.Now,
            new Dictionary<string, string> { [EvidenceMetadata.Summary] = $"Call {task.TaskId}: {outcome.Outcome}; {effect}", ["outcome"] = outcome.Outcome }), cancellationToken);

        if (confirmation is not null)
        {
            var sent = await mail.SendAsync(found, MessageTemplates.CallConfirmation, key + ":" + MessageTemplates.CallConfirmation,
                language => new Dictionary<string, string> { ["Message"] = confirmation(language), ["outcome"] = outcome.Outcome }, outcome.Actor, cancellationToken);
            effect += sent is null ? "; no confirmation (no ledger entry or email address)" : "; confirmed in writing";
        }

        logger.LogInformation("Call task {TaskId} for {CreditorId}/{DebtorId}: {Outcome} -> {Effect}", task.TaskId, found.CreditorId, found.DebtorId, outcome.Outcome, effect);
        return effect;
    }
}
