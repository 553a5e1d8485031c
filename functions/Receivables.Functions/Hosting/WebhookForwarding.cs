using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Receivables.Common;

namespace Receivables.Functions.Hosting;

/// <summary>Maps <see cref="HttpRequestData"/> to the library's host-free <see cref="WebhookRequest"/> and its answer back.</summary>
public static class WebhookForwarding
{
    public static async Task<HttpResponseData> ForwardAsync(
        this HttpRequestData request,
        string? routeSecret,
        Func<WebhookRequest, CancellationToken, Task<WebhookResponse>> handler,
        CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        headers.TryGetValue("Content-Type", out var contentType);
        var webhookRequest = new WebhookRequest(request.Method, request.Url.AbsolutePath, routeSecret, headers, contentType, request.Body);
        var result = await handler(webhookRequest, cancellationToken);

        var response = request.CreateResponse((HttpStatusCode)result.StatusCode);
        response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        await response.WriteStringAsync(result.Body);
        return response;
    }
}
