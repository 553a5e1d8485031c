using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Receivables.Hosting;

namespace Receivables.Functions.Hosting;

/// <summary>
/// The Azure host's composition root: everything <c>Program.cs</c> adds to the worker, in one place the tests call
/// the same way (so the service provider they check is the one Azure runs).
/// </summary>
public static class FunctionsAppSetup
{
    public static FunctionsApplicationBuilder AddReceivablesFunctionsApp(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddReceivables(builder.Configuration);
        builder.AddTelemetry();
        builder.UseMiddleware<LogScopeMiddleware>();
        builder.UseMiddleware<HttpErrorMiddleware>();
        return builder;
    }

    /// <summary>
    /// Application Insights for the worker, as the isolated-worker guidance says: the Worker Service SDK plus the
    /// Functions integration, sending to <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (set by the Bicep; none locally:
    /// nothing is sent). The SDK's own filter keeps only warnings; it is removed so the product's information logs and
    /// their structured properties (creditor, debtor, case, message key) reach Application Insights as custom dimensions,
    /// and host.json / <c>Logging:LogLevel</c> decide what is kept.
    /// </summary>
    public static FunctionsApplicationBuilder AddTelemetry(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        if (TelemetryAuthentication.CredentialFrom(builder.Configuration[TelemetryAuthentication.Setting]) is { } credential)
        {
            builder.Services.Configure<TelemetryConfiguration>(configuration => configuration.SetAzureTokenCredential(credential));
        }

        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            var sdkDefault = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsProvider);
            if (sdkDefault is not null)
            {
                options.Rules.Remove(sdkDefault);
            }
        });
        return builder;
    }

    private const string ApplicationInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";
}
