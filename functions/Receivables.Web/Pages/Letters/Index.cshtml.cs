using Microsoft.AspNetCore.Mvc;
using Receivables.Common;
using Receivables.Email;
using Receivables.Web.Actions;

namespace Receivables.Web.Pages.Letters;

/// <summary>Every template in nb and en, to a consumer and a business, rendered from a sample case (uploaded overrides apply).</summary>
public sealed class IndexModel(IMessageRenderer renderer, WorkspaceQueries queries) : WorkspacePage
{
    public IReadOnlyList<string> Templates => SampleLetters.Templates;

    public IReadOnlyList<string> Languages => SampleLetters.Languages;

    public string Template { get; private set; } = "";

    public string Language { get; private set; } = "nb";

    public bool Business { get; private set; }

    public RenderedMessage? Rendered { get; private set; }

    public async Task OnGetAsync(string? template, string? language, bool? business, CancellationToken cancellationToken)
    {
        Template = template is not null && Templates.Contains(template) ? template : Templates[0];
        Language = language == "en" ? "en" : "nb";
        Business = business ?? false;
        Rendered = await RenderAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetHtmlAsync(string? template, string? language, bool? business, CancellationToken cancellationToken)
    {
        await OnGetAsync(template, language, business, cancellationToken);
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        return Content(Rendered!.Html, "text/html; charset=utf-8");
    }

    public string Link(string template, string language, bool business, string? handler = null) =>
        $"/Letters?template={Uri.EscapeDataString(template)}&language={language}&business={(business ? "true" : "false")}{(handler is null ? "" : "&handler=" + handler)}";

    private async Task<RenderedMessage> RenderAsync(CancellationToken cancellationToken)
    {
        var creditorId = WorkspaceQueries.CreditorOrFirst(await queries.CreditorsAsync(cancellationToken), null);
        var creditor = await queries.CreditorAsync(creditorId, cancellationToken)
            ?? throw new ReceivablesException($"Creditor '{creditorId}' is not active.");
        var document = SampleLetters.Document(Template, Language, creditorId, creditor, queries.Today, Business);
        return await renderer.RenderAsync(document, cancellationToken);
    }
}
