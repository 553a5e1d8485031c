using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Plans;

namespace Receivables.Hosting;

public static class PlansRegistration
{
    /// <summary>Registers the Plans feature (options, handlers, stores).</summary>
    public static IServiceCollection AddPlansFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<PlanPolicy>()
            .BindConfiguration(PlanPolicy.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IPlanFacts, NoPlanFacts>();
        return services;
    }
}
