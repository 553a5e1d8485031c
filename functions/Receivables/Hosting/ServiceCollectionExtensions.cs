using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Messaging;
using Receivables.Storage;

namespace Receivables.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the whole product. Both hosts (Functions and the local host) call only this.</summary>
    public static IServiceCollection AddReceivables(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReceivablesOptions>()
            .BindConfiguration(ReceivablesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReceivablesOptions>, CreditorsValidator>();
        services.AddSingleton<BusinessClock>();

        // Fails start-up with the setting's name when storage or the schedule is misconfigured.
        services.AddHostedService<StartupChecks>();
        services.AddSingleton(sp => StorageClients.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IMessageQueue, StorageMessageQueue>();
        services.AddSingleton<ITaskStore, Actions.Storage.TableTaskStore>();
        services.AddSingleton<ITimerSlots, Storage.BlobTimerSlots>();

        services.AddCreditorsFeature();
        services.AddLedgerFeature();
        services.AddEvidenceFeature();
        services.AddEmailFeature(configuration);
        services.AddMessagingFeature();
        services.AddDunningFeature();
        services.AddRepliesFeature();
        services.AddPlansFeature();
        services.AddActionsFeature();
        services.AddEscalationFeature();
        services.AddContactFeature();
        services.AddDisputesFeature();
        services.AddCreditHoldFeature();
        services.AddSetOffFeature();
        services.AddHandoverFeature();
        services.AddStatusFeature();
        services.AddPortfolioFeature();
        services.AddChannelFeature();
        services.AddPaymentsFeature();
        services.AddDebtorPageFeature();
        return services;
    }
}
