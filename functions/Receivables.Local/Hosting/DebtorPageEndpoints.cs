using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Receivables.DebtorPage;

namespace Receivables.Local.Hosting;

/// <summary>
/// The debtor's page on the local host: the same routes and the same library handler as the Functions app
/// (<c>GET /api/debtor/{token}/{*resource}</c>, <c>POST /api/debtor/{token}/{action}</c>, <c>GET /api/debtor-assets/{name}</c>).
/// </summary>
public static class DebtorPageEndpoints
{
    public static void MapDebtorPage(this IEndpointRouteBuilder routes, IServiceProvider services)
    {
        routes.MapGet("/api/debtor-assets/{name}", (HttpContext context, string name) =>
            WriteAsync(context, services.GetRequiredService<IDebtorPage>().Asset(name)));
        routes.MapGet("/api/debtor/{token}/{**resource}", (HttpContext context, string token, string? resource) => AnswerAsync(context, services, token, resource));
        routes.MapPost("/api/debtor/{token}/{action}", (HttpContext context, string token, string action) => AnswerAsync(context, services, token, action));
    }

    private static async Task AnswerAsync(HttpContext context, IServiceProvider services, string token, string? resource)
    {
        var page = services.GetRequiredService<IDebtorPage>();
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var answer = await page.HandleAsync(new DebtorPageRequest(context.Request.Method, token, resource, client, context.Request.ContentType, context.Request.Body), context.RequestAborted);
        await WriteAsync(context, answer);
    }

    private static async Task WriteAsync(HttpContext context, DebtorPageResponse answer)
    {
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }
}
