using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Receivables.DebtorPage;

/// <summary>
/// Routes a request to the debtor's page: rate limit per client address, then the token (a wrong, altered, expired or
/// revoked token all get the same answer), then the page, a PDF or a form. Every answer carries a Content-Security-Policy
/// without script, no caching and no referrer (the token is in the address).
/// </summary>
public sealed class DebtorPageHandler(
    DebtorLinks links,
    ClientRateLimiter limiter,
    PageReader reader,
    DebtorPageActions actions,
    ILogger<DebtorPageHandler> logger) : IDebtorPage
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private const int MaxFormBytes = 32 * 1024;

    public async Task<DebtorPageResponse> HandleAsync(DebtorPageRequest request, CancellationToken cancellationToken = default)
    {
        if (!limiter.TryAcquire(request.ClientAddress))
        {
            logger.LogWarning("Debtor page: rate limit reached for {ClientAddress}", request.ClientAddress);
            return Html(429, PageView.TooManyRequests());
        }

        var resource = (request.Resource ?? "").Trim('/');
        var check = await links.CheckAsync(request.Token, cancellationToken);
        var post = string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase);
        if (post && resource == "renew")
        {
            var form = await ReadFormAsync(request, cancellationToken);
            if (links.CheckFormToken(request.Token, "renew", form.One("form")))
            {
                await actions.RenewAsync(check.Known, request.ClientAddress, cancellationToken);
            }

            return Html(200, PageView.LinkNotValid(request.Token, links.FormToken(request.Token, "renew"), sent: true));
        }

        if (check.Valid is not { } link)
        {
            logger.LogInformation("Debtor page: link not valid from {ClientAddress}", request.ClientAddress);
            return NotValid(request.Token);
        }

        if (post)
        {
            var form = await ReadFormAsync(request, cancellationToken);
            var result = await actions.HandleAsync(link, request.Token, resource, form, request.ClientAddress, cancellationToken);
            return result.Done is { } done
                ? Redirect(PageView.ActionUrl(request.Token, "done/" + done))
                : result.Page is { } page ? Html(400, page) : NotValid(request.Token);
        }

        if (resource.Length == 0 || resource.StartsWith("done/", StringComparison.Ordinal))
        {
            var done = resource.Length == 0 ? null : resource["done/".Length..];
            var html = await reader.PageAsync(link, request.Token, done is not null && DebtorPageActions.Names.Contains(done) ? done : null, cancellationToken);
            return html is null ? NotValid(request.Token) : Html(200, html);
        }

        if (resource == "letter.pdf")
        {
            return await reader.LetterAsync(link, cancellationToken) is { } letter ? Pdf(letter, "letter.pdf") : NotValid(request.Token);
        }

        if (resource.StartsWith("attachment/", StringComparison.Ordinal) && resource.EndsWith(".pdf", StringComparison.Ordinal)
            && resource["attachment/".Length..^".pdf".Length].Split('/') is [var escaped, var position]
            && int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            var number = Uri.UnescapeDataString(escaped);
            return await reader.AttachmentAsync(link, number, index, cancellationToken) is { } attachment ? Pdf(attachment, "attachment.pdf") : NotValid(request.Token);
        }

        if (resource.StartsWith("invoice/", StringComparison.Ordinal) && resource.EndsWith(".pdf", StringComparison.Ordinal))
        {
            var number = Uri.UnescapeDataString(resource["invoice/".Length..^".pdf".Length]);
            return await reader.InvoiceAsync(link, number, cancellationToken) is { } invoice ? Pdf(invoice, "invoice.pdf") : NotValid(request.Token);
        }

        return NotValid(request.Token);
    }

    public DebtorPageResponse Asset(string name)
    {
        using var stream = name == "page.css" ? typeof(DebtorPageHandler).Assembly.GetManifestResourceStream("Receivables.DebtorPage.Assets.page.css") : null;
        if (stream is null)
        {
            return new DebtorPageResponse(404, "text/plain; charset=utf-8", "not found"u8.ToArray(), SecurityHeaders());
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var headers = new Dictionary<string, string>(SecurityHeaders()) { ["Cache-Control"] = "public, max-age=3600" };
        return new DebtorPageResponse(200, "text/css; charset=utf-8", copy.ToArray(), headers);
    }

    /// <summary>The same status and body for every token that does not open a page.</summary>
    private DebtorPageResponse NotValid(string token) => Html(404, PageView.LinkNotValid(token, links.FormToken(token, "renew"), sent: false));

    private static DebtorPageResponse Html(int status, string html) =>
        new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), SecurityHeaders());

    private static DebtorPageResponse Pdf(byte[] pdf, string fileName) =>
        new(200, "application/pdf", pdf, new Dictionary<string, string>(SecurityHeaders()) { ["Content-Disposition"] = "inline; filename=\"" + fileName + "\"" });

    private static DebtorPageResponse Redirect(string location) =>
        new(303, "text/plain; charset=utf-8", [], new Dictionary<string, string>(SecurityHeaders()) { ["Location"] = location });

    private static Dictionary<string, string> SecurityHeaders() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-store",
        ["X-Robots-Tag"] = "noindex, nofollow",
    };

    private static async Task<PageForm> ReadFormAsync(DebtorPageRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return PageForm.Empty;
        }

        var buffer = new byte[MaxFormBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read > MaxFormBytes)
        {
            return PageForm.Empty;
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(buffer, 0, read).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : WebUtility.UrlDecode(pair[(eq + 1)..]);
            if (!fields.TryGetValue(name, out var values))
            {
                fields[name] = values = [];
            }

            values.Add(value);
        }

        return new PageForm(fields);
    }
}
