using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Receivables.Common;

namespace Receivables.Local.Hosting;

public static class LocalServe
{
    /// <summary>The local host's own services, used by the CLI commands and (as background services) by <c>serve</c>.</summary>
    public static IServiceCollection AddLocalHostServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Receivables:Local:Queues").Get<LocalQueueOptions>() ?? new LocalQueueOptions());
        services.AddSingleton<QueueConsumers>();
        services.AddSingleton<LedgerWatcher>();
        services.AddSingleton<PaymentsWatcher>();
        return services;
    }

    /// <summary><c>serve</c>: queue consumers, the ledger watcher, the timer and the HTTP endpoint on 127.0.0.1.</summary>
    public static IServiceCollection AddLocalServe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService(sp => sp.GetRequiredService<QueueConsumers>());
        services.AddHostedService(sp => sp.GetRequiredService<LedgerWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<PaymentsWatcher>());
        services.AddHostedService<TimerService>();
        return services;
    }

    /// <summary>Kestrel on 127.0.0.1 only (<c>Receivables:Local:HttpPort</c>, default 7071): the webhooks and the workspace.</summary>
    public static IServiceCollection AddLoopbackKestrel(this IServiceCollection services, IConfiguration configuration)
    {
        var port = configuration.GetValue("Receivables:Local:HttpPort", 7071);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Listen(System.Net.IPAddress.Loopback, port);
            o.Limits.MaxRequestBodySize = 20 * 1024 * 1024 + 64 * 1024;
        });
        return services;
    }

    /// <summary>The same routes as the Functions app: <c>/api/inbound/{secret}</c>, <c>/api/email-events</c> and the debtor's page.</summary>
    public static void MapLocalEndpoints(this WebApplication app)
    {
        app.MapPost("/api/inbound/{secret?}", (HttpContext context, string? secret) =>
            Forward(context, secret, context.RequestServices.GetService<IInboundEmailWebhook>() is { } hook ? hook.HandleAsync : null));
        app.MapPost("/api/email-events", (HttpContext context) =>
            Forward(context, null, context.RequestServices.GetService<IEmailEventsWebhook>() is { } hook ? hook.HandleAsync : null));
        app.MapDebtorPage(app.Services);
    }

    private static async Task Forward(HttpContext context, string? secret, Func<WebhookRequest, CancellationToken, Task<WebhookResponse>>? handler)
    {
        if (handler is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new WebhookRequest(context.Request.Method, context.Request.Path, secret, headers, context.Request.ContentType, context.Request.Body);
        var response = await handler(request, context.RequestAborted);
        context.Response.StatusCode = response.StatusCode;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
