using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Receivables.Dunning;
using Receivables.Functions.Hosting;
using Receivables.Tests.Functions.Doubles;

namespace Receivables.Tests.Functions;

/// <summary>The worker's Application Insights wiring, built as <c>Program.cs</c> builds it, with the channel captured instead of sent.</summary>
public sealed class TelemetryTests
{
    private const string ConnectionString = "InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=http://127.0.0.1:9/";

    [Fact]
    public async Task A_queue_invocations_log_lines_reach_Application_Insights_with_creditor_debtor_and_message_key_as_custom_dimensions()
    {
        var channel = new CapturingTelemetryChannel();
        using var host = await FunctionsWorker.BuildAsync(
            new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString },
            services => services.AddSingleton<ITelemetryChannel>(channel));
        var middleware = ActivatorUtilities.CreateInstance<LogScopeMiddleware>(host.Services);
        var bindingData = new Dictionary<string, object?> { ["CreditorId"] = "acme", ["DebtorId"] = "K-1001", ["Key"] = "acme|K-1001|purring|2026-11-20", ["DequeueCount"] = 1 };
        var context = new TestFunctionContext(host.Services, "SendReminder", bindingData);

        await middleware.Invoke(context, _ =>
        {
            host.Services.GetRequiredService<ILogger<SendReminderHandler>>().LogInformation("Reminder {Template} sent to {Recipient}", "purring", "kari@example.no");
            return Task.CompletedTask;
        });
        host.Services.GetRequiredService<TelemetryClient>().Flush();

        var trace = channel.Items.OfType<TraceTelemetry>().SingleOrDefault(t => t.Message.StartsWith("Reminder purring sent", StringComparison.Ordinal));
        trace.ShouldNotBeNull("an information line of the product must reach Application Insights (the SDK's warning-only default filter is removed)");
        trace.SeverityLevel.ShouldBe(SeverityLevel.Information);
        trace.Properties["CreditorId"].ShouldBe("acme");
        trace.Properties["DebtorId"].ShouldBe("K-1001");
        trace.Properties["MessageKey"].ShouldBe("acme|K-1001|purring|2026-11-20");
        trace.Properties["Function"].ShouldBe("SendReminder");
        trace.Properties["Template"].ShouldBe("purring", "the template's own properties are custom dimensions too");
    }

    [Fact]
    public void A_message_without_identifiers_gives_a_scope_with_only_the_function_name()
    {
        var scope = LogScopeMiddleware.ScopeOf("DunningTimer", new Dictionary<string, object?> { ["Timer"] = "{}", ["CreditorId"] = "" });

        scope.ShouldBe([new KeyValuePair<string, object?>("Function", "DunningTimer")]);
    }

    [Fact]
    public void Telemetry_is_sent_with_the_apps_managed_identity_when_the_authentication_string_asks_for_Entra_ID()
    {
        TelemetryAuthentication.CredentialFrom("ClientId=6f1c0a3e-0000-4000-8000-000000000001;Authorization=AAD").ShouldBeOfType<Azure.Identity.ManagedIdentityCredential>();
        TelemetryAuthentication.CredentialFrom("Authorization=AAD").ShouldBeOfType<Azure.Identity.ManagedIdentityCredential>();
        TelemetryAuthentication.CredentialFrom("").ShouldBeNull("locally there is no Application Insights");
        TelemetryAuthentication.CredentialFrom("Authorization=Key").ShouldBeNull();
    }
}
