using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Receivables.DebtorPage;

namespace Receivables.Functions.Hosting;

/// <summary>Maps <see cref="HttpRequestData"/> to the library's <see cref="DebtorPageRequest"/> and its answer back.</summary>
public static class DebtorPageForwarding
{
    public static async Task<HttpResponseData> AnswerAsync(this HttpRequestData request, IDebtorPage page, string token, string? resource, CancellationToken cancellationToken)
    {
        var contentType = request.Headers.TryGetValues("Content-Type", out var types) ? string.Join(", ", types) : null;
        var answer = await page.HandleAsync(new DebtorPageRequest(request.Method, token, resource, ClientAddress(request), contentType, request.Body), cancellationToken);
        return await WriteAsync(request, answer);
    }

    public static Task<HttpResponseData> AssetAsync(this HttpRequestData request, IDebtorPage page, string name) => WriteAsync(request, page.Asset(name));

    /// <summary>
    /// The client's address as the Functions front end reports it: the first entry of X-Forwarded-For (the address
    /// that connected to the front end), without its port.
    /// </summary>
    public static string ClientAddress(HttpRequestData request)
    {
        if (!request.Headers.TryGetValues("X-Forwarded-For", out var values))
        {
            return "unknown";
        }

        var first = string.Join(",", values).Split(',')[0].Trim();
        if (first.StartsWith('['))
        {
            return first[1..first.IndexOf(']', StringComparison.Ordinal)];
        }

        return first.Count(c => c == ':') == 1 ? first[..first.IndexOf(':', StringComparison.Ordinal)] : first;
    }

    private static async Task<HttpResponseData> WriteAsync(HttpRequestData request, DebtorPageResponse answer)
    {
        var response = request.CreateResponse((HttpStatusCode)answer.StatusCode);
        response.Headers.Add("Content-Type", answer.ContentType);
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Add(name, value);
        }

        await response.Body.WriteAsync(answer.Body);
        return response;
    }
}
