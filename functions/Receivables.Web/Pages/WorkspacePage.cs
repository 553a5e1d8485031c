using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Receivables.Common;
using Receivables.Web.Security;

namespace Receivables.Web.Pages;

/// <summary>What every page knows: who is working, whether they may act, and the message of the last action.</summary>
public abstract class WorkspacePage : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public string Person => User.Identity?.Name ?? "unknown";

    public bool CanAct => User.IsInRole(WorkspaceRoles.Controller);

    /// <summary>A fresh key for each rendered form: a double submit of the same form carries the same key.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Runs an action; a user error becomes the page's problem line (in the reader's language where it is known) instead
    /// of an error page. Then back to <paramref name="back"/>.
    /// </summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> action, string back)
    {
        try
        {
            Message = await action();
        }
        catch (ReceivablesException e)
        {
            Problem = Text.ProblemWords.Say(e.Message);
        }

        return LocalRedirect(back);
    }
}
