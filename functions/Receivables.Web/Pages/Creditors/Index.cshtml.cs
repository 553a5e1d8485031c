using Microsoft.AspNetCore.Mvc;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Web.Actions;
using Receivables.Web.Text;

namespace Receivables.Web.Pages.Creditors;

/// <summary>
/// The companies receivables are followed up for: each with its profile, policies, where it comes from (settings or the
/// registry) and its latest daily cycle; a controller adds, changes and retires creditors here without a restart.
/// A refused form is shown again with what was typed and every field's problem.
/// </summary>
public sealed class IndexModel(WorkspaceQueries queries, WorkspaceActions actions, Texts texts) : WorkspacePage
{
    public IReadOnlyList<CreditorRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Policies => queries.PolicyNames;

    /// <summary>The add form, as typed (kept when it is refused).</summary>
    public CreditorForm Add { get; private set; } = new();

    /// <summary>The creditor whose change was refused (its form opens again with what was typed), and that form.</summary>
    public (string Id, CreditorForm Form)? Refused { get; private set; }

    /// <summary>Why the form was refused: one line per field.</summary>
    public IReadOnlyList<string> FormProblems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await queries.CreditorRowsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync([FromForm] CreditorForm form, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await actions.AddCreditorAsync(form, Person, cancellationToken);
            Message = texts.Format("creditors.added", saved.Profile.Name, saved.Id);
            return LocalRedirect("/Creditors");
        }
        catch (ReceivablesException e)
        {
            Add = form;
            return await RefusedAsync(e, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostUpdateAsync(string id, [FromForm] CreditorForm form, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await actions.UpdateCreditorAsync(id, form, Person, cancellationToken);
            Message = texts.Format("creditors.saved", saved.Profile.Name, saved.Id);
            return LocalRedirect("/Creditors");
        }
        catch (ReceivablesException e)
        {
            Refused = (id, form);
            return await RefusedAsync(e, cancellationToken);
        }
    }

    public Task<IActionResult> OnPostRetireAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(async () => texts.Format("creditors.retired", (await actions.RetireCreditorAsync(id, Person, cancellationToken)).Id), "/Creditors");

    /// <summary>The latest cycle in the reader's words: "Kjøring 02.12.2026: 180 av 200 deler ferdige, 3 feilet, 1 204 påminnelser i kø".</summary>
    public string Cycle(CycleProgress? cycle) => cycle is null
        ? texts["creditors.cycle.none"]
        : texts.Format("creditors.cycle", Texts.Date(cycle.Plan.Date), cycle.Done, cycle.Plan.Shards, cycle.Failed, cycle.Queued)
            + (cycle.Skipped > 0 ? texts.Format("creditors.cycle.skipped", cycle.Skipped) : "")
            + (cycle.Completed ? texts["creditors.cycle.complete"] : cycle.Failed > 0 ? texts["creditors.cycle.waiting"] : texts["creditors.cycle.running"]);

    /// <summary>Where the creditor comes from, as the reader says it.</summary>
    public string Source(RegisteredCreditor creditor) =>
        creditor.Retired ? texts["creditors.source.retired"]
        : creditor.Source == RegisteredCreditor.FromSettings ? texts["creditors.source.settings"]
        : texts["creditors.source.registry"];

    /// <summary>
    /// A problem the registry found, in the reader's words, naming the field as the form does ("Kontonummer: «1234» er
    /// ikke et norsk kontonummer (11 siffer)."); a problem not worded here is shown as the registry says it.
    /// </summary>
    private string Worded(Receivables.Creditors.CreditorProblem problem) =>
        problem.Code == Receivables.Creditors.CreditorProblem.Exists ? texts["creditors.err.exists"]
        : texts.Has("creditors.err." + problem.Field) ? texts.Format("creditors.err." + problem.Field, problem.Value ?? "")
        : problem.Message;

    private async Task<IActionResult> RefusedAsync(ReceivablesException e, CancellationToken cancellationToken)
    {
        FormProblems = e is Receivables.Creditors.CreditorNotSavedException refused ? [.. refused.Problems.Select(Worded)] : [e.Message];
        Rows = await queries.CreditorRowsAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
