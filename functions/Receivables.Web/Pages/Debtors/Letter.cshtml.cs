using Microsoft.AspNetCore.Mvc;
using Receivables.Web.Actions;

namespace Receivables.Web.Pages.Debtors;

/// <summary>
/// A letter exactly as sent (or a reply as received), rendered from the archived message. Its HTML part is shown in a
/// sandboxed frame whose response forbids scripts, so text a debtor wrote cannot run in the workspace.
/// </summary>
public sealed class LetterModel(WorkspaceQueries queries) : WorkspacePage
{
    public ArchivedLetter Letter { get; private set; } = null!;

    public string CreditorId { get; private set; } = "";

    public string DebtorId { get; private set; } = "";

    public long Sequence { get; private set; }

    public TimeZoneInfo Zone => queries.Zone;

    public async Task<IActionResult> OnGetAsync(string creditor, string debtor, long sequence, CancellationToken cancellationToken)
    {
        var letter = await queries.LetterAsync(creditor, debtor, sequence, cancellationToken);
        if (letter is null)
        {
            return NotFound();
        }

        (Letter, CreditorId, DebtorId, Sequence) = (letter, creditor, debtor, sequence);
        return Page();
    }

    public async Task<IActionResult> OnGetHtmlAsync(string creditor, string debtor, long sequence, CancellationToken cancellationToken)
    {
        var letter = await queries.LetterAsync(creditor, debtor, sequence, cancellationToken);
        if (letter?.Html is null)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        return Content(letter.Html, "text/html; charset=utf-8");
    }
}
