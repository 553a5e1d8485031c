using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Receivables.Dunning;
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
            .Configure<IOptions<DunningOptions>>((ledger, dunning) => ledger.InterestRatesFrom ??= FirstRateDate(dunning))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ILedgerStore, AzureLedgerStore>();
        services.AddSingleton<IEhfSourceStore, TableEhfSourceStore>();
        services.AddSingleton<LedgerFormats>();
        services.AddSingleton<LedgerIngestor>();
        services.AddSingleton<LedgerReader>();
        services.AddSingleton<ILedgerReader, AdjustedLedgerReader>();
        services.AddSingleton<LedgerUploadedHandler>();
        services.AddSingleton<IStatusContributor, LedgerStatusContributor>();
        return services;
    }

    /// <summary>
    /// The first date the late-payment rate table covers (the ledger warns about invoices due before it). Invalid dunning
    /// settings leave it unknown here: their own validation stops start-up and names them, once.
    /// </summary>
    private static DateOnly? FirstRateDate(IOptions<DunningOptions> dunning)
    {
        try
        {
            return dunning.Value.Rates.Count == 0 ? null : dunning.Value.Rates.Min(r => r.From);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
