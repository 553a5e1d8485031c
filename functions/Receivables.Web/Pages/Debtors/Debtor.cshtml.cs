using Microsoft.AspNetCore.Mvc;
using Receivables.Evidence;
using Receivables.Web.Actions;

namespace Receivables.Web.Pages.Debtors;

/// <summary>One debtor: contact, open invoices with charges to date, the case, one timeline, and the actions.</summary>
public sealed class DebtorModel(WorkspaceQueries queries, WorkspaceActions actions, Text.Texts texts, Text.EffectWords effects) : WorkspacePage
{
    public DebtorView View { get; private set; } = null!;

    public TimeZoneInfo Zone => queries.Zone;

    public DateOnly Today => queries.Today;

    public string? Verified { get; private set; }

    private string Back => $"/Debtors/{RouteData.Values["creditor"]}/{RouteData.Values["debtor"]}";

    public async Task<IActionResult> OnGetAsync(string creditor, string debtor, CancellationToken cancellationToken)
    {
        var view = await queries.DebtorAsync(creditor, debtor, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>The evidence bundle as a download (reading: viewers may export too).</summary>
    public async Task<IActionResult> OnGetExportAsync(string creditor, string debtor, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        try
        {
            await actions.ExportEvidenceAsync(creditor, debtor, buffer, cancellationToken);
        }
        catch (Common.ReceivablesException e)
        {
            Problem = e.Message;
            return LocalRedirect(Back);
        }

        buffer.Position = 0;
        return File(buffer, "application/zip", $"evidence-{creditor}-{debtor}.zip");
    }

    public Task<IActionResult> OnPostPauseAsync(string creditor, string debtor, DateOnly until, string? note, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => { await actions.PauseAsync(creditor, debtor, until, note, Person, key, cancellationToken); return Texts(); }, Back);

    public Task<IActionResult> OnPostResumeAsync(string creditor, string debtor, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => { await actions.ResumeAsync(creditor, debtor, null, Person, key, cancellationToken); return Texts(); }, Back);

    public Task<IActionResult> OnPostHoldAsync(string creditor, string debtor, string invoice, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => { await actions.HoldInvoiceAsync(creditor, debtor, invoice, null, Person, key, cancellationToken); return Texts(); }, Back);

    public Task<IActionResult> OnPostReleaseAsync(string creditor, string debtor, string invoice, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => { await actions.ReleaseInvoiceAsync(creditor, debtor, invoice, null, Person, key, cancellationToken); return Texts(); }, Back);

    /// <summary>Sets never-automatic (<paramref name="on"/> true) or undoes it.</summary>
    public Task<IActionResult> OnPostNeverAutomaticAsync(string creditor, string debtor, bool on, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => { await actions.SetNeverAutomaticAsync(creditor, debtor, on, null, Person, key, cancellationToken); return Texts(); }, Back);

    /// <summary>The outcomes a call may have (what <c>tasks done</c> accepts for a call task).</summary>
    public IReadOnlyList<string> CallOutcomes => queries.OutcomesOf(Receivables.Actions.TaskKinds.CallDebtor);

    public Task<IActionResult> OnPostCallAsync(string creditor, string debtor, string outcome, string? note, DateOnly? date, string? amount, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => effects.Call(outcome, await actions.RecordCallAsync(creditor, debtor, outcome, note, date, amount, Person, key, cancellationToken)), Back);

    public Task<IActionResult> OnPostNoteAsync(string creditor, string debtor, string note, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => { await actions.NoteAsync(creditor, debtor, note, Person, key, cancellationToken); return Texts(); }, Back);

    public Task<IActionResult> OnPostPlanAsync(string creditor, string debtor, decimal? installment, string key, CancellationToken cancellationToken) =>
        ActAsync(async () => await actions.RequestPlanAsync(creditor, debtor, null, installment, Person, key, cancellationToken), Back);

    /// <summary>Checks an uploaded bundle the way <c>evidence verify</c> does.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(string creditor, string debtor, IFormFile? bundle, CancellationToken cancellationToken)
    {
        if (bundle is null)
        {
            Problem = TextsFor("verify.no-file");
            return LocalRedirect(Back);
        }

        await using var stream = bundle.OpenReadStream();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        try
        {
            var report = EvidenceBundle.Verify(buffer);
            if (report.Ok)
            {
                Message = string.Format(System.Globalization.CultureInfo.CurrentCulture, TextsFor("verify.ok"), report.Cases.Count);
            }
            else
            {
                Problem = string.Format(System.Globalization.CultureInfo.CurrentCulture, TextsFor("verify.bad"), string.Join("; ", report.Problems.Select(p => p.Path + ": " + p.Message).Concat(report.Cases.SelectMany(c => c.Problems.Select(p => p.Path + ": " + p.Message)))));
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            Problem = string.Format(System.Globalization.CultureInfo.CurrentCulture, TextsFor("verify.bad"), e.Message);
        }

        return LocalRedirect(Back);
    }

    private string Texts() => TextsFor("action.done");

    private string TextsFor(string key) => texts[key];
}
