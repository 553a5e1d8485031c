namespace Receivables.Web.Pages;

/// <summary>Shown for 401, 403 and 404 (status code pages re-execute here).</summary>
public sealed class DeniedModel : WorkspacePage
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = code ?? 403;

    public void OnPost(int? code) => Code = code ?? 403;
}
