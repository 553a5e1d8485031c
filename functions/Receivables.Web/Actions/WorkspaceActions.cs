using System.Text;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Plans;

namespace Receivables.Web.Actions;

/// <summary>
/// What a person does in the workspace, each through the same library handler as the CLI: task outcomes
/// (<see cref="TaskOutcomes"/>), case pauses, holds, releases and never-automatic (<see cref="ICaseActions"/>), plans (<see cref="PlanService"/>),
/// evidence. Every action carries the person (<c>person:&lt;name&gt;</c>) and an idempotency key from the form, so a
/// double submit does nothing twice, and is archived as evidence.
/// </summary>
public sealed class WorkspaceActions(
    TaskOutcomes outcomes,
    ITaskStore tasks,
    ICaseActions cases,
    PlanService plans,
    IEvidenceArchive archive,
    EvidenceExporter exporter,
    Receivables.Creditors.CreditorRegistry creditors,
    Microsoft.Extensions.Logging.ILogger<WorkspaceActions> logger,
    BusinessClock clock)
{
    /// <summary>
    /// Adds a creditor to the registry, validated as app settings are (every failure named with its field); nothing is
    /// stored when anything is wrong. The next cycle and the next upload use it, without a restart.
    /// </summary>
    public async Task<RegisteredCreditor> AddCreditorAsync(CreditorForm form, string person, CancellationToken cancellationToken)
    {
        var id = form.Id?.Trim() is { Length: > 0 } given ? given : throw new Receivables.Creditors.CreditorNotSavedException(
            [new Receivables.Creditors.CreditorProblem("Id", null, "is required (the ledger container's folder name, e.g. acme).", "required")],
            "The creditor was not saved: Id is required (the ledger container's folder name, e.g. acme).");
        var saved = await creditors.AddAsync(id, form.ToChange(), cancellationToken);
        logger.LogInformation("Creditor {CreditorId} added in the workspace by {Person}", id, person);
        return saved;
    }

    /// <summary>Changes an active creditor (one from app settings is then overridden by its registry row).</summary>
    public async Task<RegisteredCreditor> UpdateCreditorAsync(string id, CreditorForm form, string person, CancellationToken cancellationToken)
    {
        var saved = await creditors.UpdateAsync(id, form.ToChange(), cancellationToken);
        logger.LogInformation("Creditor {CreditorId} changed in the workspace by {Person}", id, person);
        return saved;
    }

    /// <summary>Retires a creditor: the cycle no longer plans it and its uploads are refused; its cases and evidence stay.</summary>
    public async Task<RegisteredCreditor> RetireCreditorAsync(string id, string person, CancellationToken cancellationToken)
    {
        var retired = await creditors.RetireAsync(id, cancellationToken);
        logger.LogInformation("Creditor {CreditorId} retired in the workspace by {Person}", id, person);
        return retired;
    }

    /// <summary>
    /// Completes a task exactly as <c>tasks done</c> does: <see cref="TaskOutcomes"/> checks the outcome against what the
    /// task's kind declares, the kind's handler acts (and archives its decision with the person), then the task closes.
    /// A second submit with the same outcome changes nothing.
    /// </summary>
    public async Task<string> CompleteTaskAsync(string creditorId, string taskId, string outcome, string? note, DateOnly? date, string? amount, string person, CancellationToken cancellationToken) =>
        (await CompleteAsync(creditorId, taskId, outcome, note, date, amount, person, cancellationToken)).Effect;

    /// <summary><see cref="CompleteTaskAsync"/>, with the completed task (its kind words the confirmation).</summary>
    public async Task<(WorkTask Task, string Effect)> CompleteAsync(string creditorId, string taskId, string outcome, string? note, DateOnly? date, string? amount, string person, CancellationToken cancellationToken)
    {
        var recorded = new TaskOutcome(outcome, Blank(note), date, Actors.Person(person), TaskText.ParseAmount(amount));
        return await outcomes.CompleteAsync(creditorId, taskId, recorded, cancellationToken);
    }

    /// <summary>
    /// A call made outside the call list (the debtor rang, or the controller called on their own initiative): opened as a
    /// call task once per submitted form and completed with its outcome by <see cref="TaskOutcomes"/>, exactly as
    /// <c>tasks done</c> completes a call task (a promise pauses and confirms in writing, a dispute holds the case, a plan
    /// is drafted).
    /// </summary>
    public async Task<string> RecordCallAsync(string creditorId, string debtorId, string outcome, string? note, DateOnly? date, string? amount, string person, string key, CancellationToken cancellationToken)
    {
        var view = await cases.GetAsync(creditorId, debtorId, cancellationToken)
            ?? throw new ReceivablesException($"Debtor '{debtorId}' has no dunning case; a call is recorded on a case.");
        var declared = outcomes.OutcomesOf(TaskKinds.CallDebtor);
        if (!declared.Contains(outcome, StringComparer.Ordinal))
        {
            throw new ReceivablesException($"'{outcome}' is not an outcome of a call; use one of: {string.Join(", ", declared)}.");
        }

        if (date is { } promised && promised < clock.Today)
        {
            throw new ReceivablesException($"The date {promised:yyyy-MM-dd} is in the past.");
        }

        var recorded = new TaskOutcome(outcome, Blank(note), date, Actors.Person(person), TaskText.ParseAmount(amount));
        var task = await tasks.OpenAsync(
            creditorId, TaskKinds.CallDebtor, debtorId, view.CaseId, $"Call with {view.DebtorName} recorded by {person}",
            "A call outside the call list, recorded in the workspace.", "web-call:" + key, cancellationToken, new TaskFacts { Reason = TaskReasons.RecordedCall, Reference = person });
        var (_, effect) = await outcomes.CompleteAsync(creditorId, task.TaskId, recorded, cancellationToken);
        return effect;
    }

    public Task PauseAsync(string creditorId, string debtorId, DateOnly until, string? note, string person, string key, CancellationToken cancellationToken)
    {
        if (until <= clock.Today)
        {
            throw new ReceivablesException("A pause needs a date after today.");
        }

        return cases.PauseAsync(creditorId, debtorId, PauseReason.Manual, until, null, Actors.Person(person), Blank(note) ?? $"Paused until {until:yyyy-MM-dd}", "web:" + key, cancellationToken);
    }

    public Task HoldInvoiceAsync(string creditorId, string debtorId, string invoiceNumber, string? note, string person, string key, CancellationToken cancellationToken) =>
        cases.PauseAsync(creditorId, debtorId, PauseReason.Manual, null, [invoiceNumber], Actors.Person(person), Blank(note) ?? $"Invoice {invoiceNumber} held", "web:" + key, cancellationToken);

    public Task ReleaseInvoiceAsync(string creditorId, string debtorId, string invoiceNumber, string? note, string person, string key, CancellationToken cancellationToken) =>
        cases.ReleaseInvoiceAsync(creditorId, debtorId, invoiceNumber, Actors.Person(person), Blank(note) ?? $"Invoice {invoiceNumber} released", "web:" + key, cancellationToken);

    /// <summary>Sets never-automatic (or undoes it, <paramref name="on"/> false), as <c>cases never-automatic</c> does.</summary>
    public Task SetNeverAutomaticAsync(string creditorId, string debtorId, bool on, string? note, string person, string key, CancellationToken cancellationToken) =>
        cases.SetNeverAutomaticAsync(creditorId, debtorId, on, Actors.Person(person), Blank(note) ?? (on ? "Never automatic: a person follows the case up" : "Automatic again"), "web:" + key, cancellationToken);

    public async Task ResumeAsync(string creditorId, string debtorId, string? note, string person, string key, CancellationToken cancellationToken)
    {
        var view = await cases.GetAsync(creditorId, debtorId, cancellationToken)
            ?? throw new ReceivablesException($"Debtor '{debtorId}' has no case.");
        await cases.ResumeAsync(creditorId, debtorId, view.Pause ?? PauseReason.Manual, Actors.Person(person), Blank(note) ?? "Resumed", "web:" + key, cancellationToken);
    }

    public async Task NoteAsync(string creditorId, string debtorId, string note, string person, string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ReceivablesException("A note needs text.");
        }

        await ArchiveAsync(creditorId, debtorId, null, EvidenceKinds.Decision, "Note", Actors.Person(person), "note:" + key, note.Trim(), cancellationToken);
    }

    public Task<string> RequestPlanAsync(string creditorId, string debtorId, string? note, decimal? installment, string person, string key, CancellationToken cancellationToken) =>
        plans.RequestAsync(new ArrangementRequest(creditorId, debtorId, null, ArrangementSource.Person, Blank(note) ?? $"Requested by {person}", "web:" + key, installment), cancellationToken);

    public Task<RepaymentPlan> ApprovePlanAsync(string creditorId, string planId, string person, CancellationToken cancellationToken) =>
        plans.ApproveAsync(creditorId, planId, Actors.Person(person), cancellationToken);

    public Task<RepaymentPlan> AdjustPlanAsync(string creditorId, string planId, PlanAdjustment adjustment, string person, string key, CancellationToken cancellationToken) =>
        plans.AdjustAsync(creditorId, planId, adjustment, Actors.Person(person), "web:" + key, cancellationToken);

    public Task<RepaymentPlan> RejectPlanAsync(string creditorId, string planId, string reason, string person, CancellationToken cancellationToken) =>
        plans.RejectAsync(creditorId, planId, Actors.Person(person), reason, cancellationToken);

    public Task<ExportResult> ExportEvidenceAsync(string creditorId, string debtorId, Stream output, CancellationToken cancellationToken) =>
        exporter.ExportAsync(creditorId, debtorId, null, output, cancellationToken);

    private async Task ArchiveAsync(string creditorId, string debtorId, string? caseId, string kind, string title, string actor, string key, string text, CancellationToken cancellationToken) =>
        await archive.AppendAsync(new EvidenceItem(
            creditorId, debtorId, caseId ?? DunningCase.CaseIdFor(creditorId, debtorId), kind, title, "text/plain; charset=utf-8",
            Encoding.UTF8.GetBytes(text), actor, key, clock.Now,
            new Dictionary<string, string> { [EvidenceMetadata.Timeline] = TimelineSections.Decision, [EvidenceMetadata.Summary] = text.Split('\n')[0] }), cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
