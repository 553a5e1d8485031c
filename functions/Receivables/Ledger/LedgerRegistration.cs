using Microsoft.Extensions.DependencyInjection;
using Receivables.Ledger;
using Receivables.Ledger.Storage;
using Receivables.Status;

namespace Receivables.Hosting;

public static class LedgerRegistration
{
    /// <summary>Registers the Ledger feature (options, handlers, stores).</summary>
    public static IServiceCollection AddLedgerFeature(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>()
            .BindConfiguration(LedgerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ILedgerStore, AzureLedgerStore>();
        services.AddSingleton<LedgerFormats>();
        services.AddSingleton<LedgerIngestor>();
        services.AddSingleton<LedgerReader>();
        services.AddSingleton<ILedgerReader, AdjustedLedgerReader>();
        services.AddSingleton<LedgerUploadedHandler>();
        services.AddSingleton<IStatusContributor, LedgerStatusContributor>();
        return services;
    }
}
